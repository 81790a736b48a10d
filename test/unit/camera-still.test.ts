import { describe, expect, it } from 'vitest';
import { fitStill, pickCamera } from '../../renderer/src/steps/materials/camera-still.js';

describe('document camera still', () => {
  it('keeps the largest picture that fits one bridge message, lowering quality before size', () => {
    const tried: string[] = [];
    // a pretend encoder: size grows with pixels and quality
    const encode = (w: number, h: number, q: number) => {
      tried.push(`${w}x${h}@${q}`);
      return 'A'.repeat(Math.round(w * h * q * 0.1));
    };
    const still = fitStill({ width: 2592, height: 1944 }, encode, 230_000);
    expect(still).toMatchObject({ width: 2000, height: 1500 }); // 2000 px at 0.72 fits; 2400 px does not even at 0.6
    expect(still!.base64.length).toBeLessThanOrEqual(230_000);
    expect(tried.slice(0, 3)).toEqual(['2400x1800@0.85', '2400x1800@0.72', '2400x1800@0.6']);
  });

  it('never enlarges a small camera picture', () => {
    expect(fitStill({ width: 640, height: 480 }, () => 'x')).toMatchObject({ width: 640, height: 480 });
  });

  it('refuses a picture that cannot fit even small and rough, rather than cutting it', () => {
    expect(fitStill({ width: 4000, height: 3000 }, () => 'A'.repeat(300_000))).toBeNull();
  });

  it('opens the document camera by its label, never another camera', () => {
    const devices = [
      { deviceId: 'mic', kind: 'audioinput', label: 'USB Microphone' },
      { deviceId: 'face', kind: 'videoinput', label: 'Integrated Webcam' },
      { deviceId: 'doc', kind: 'videoinput', label: 'Eloam Document Camera (2b16:6689)' },
    ];
    expect(pickCamera(devices, 'document camera')).toBe('doc');
    expect(pickCamera(devices, 'Scanner Cam')).toBeNull();
    expect(pickCamera(devices, null)).toBe('face');
  });
});
