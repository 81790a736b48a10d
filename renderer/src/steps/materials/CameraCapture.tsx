import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { fitStill, pickCamera } from './camera-still.js';

type Phase = 'starting' | 'live' | 'sending' | 'unavailable';

/**
 * The document camera (高拍仪, a UVC camera) as a full-screen overlay: a live picture, 拍照 and 不拍了. The still is
 * drawn on a canvas and sent as a JPEG that fits one bridge message; the camera is released when the overlay closes.
 */
export function CameraCapture({
  label,
  onPhoto,
  onClose,
}: {
  label: string | null;
  onPhoto: (jpegBase64: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [phase, setPhase] = useState<Phase>('starting');

  useEffect(() => {
    let stream: MediaStream | null = null;
    let live = true;
    const open = async () => {
      const media = navigator.mediaDevices;
      if (!media?.getUserMedia) throw new Error('no media devices');
      // device labels are known only once a camera was opened: open one, then switch to the document camera
      stream = await media.getUserMedia({ video: { width: { ideal: 2592 }, height: { ideal: 1944 } }, audio: false });
      const wanted = pickCamera(await media.enumerateDevices(), label);
      if (!wanted) throw new Error('document camera not found');
      if (stream.getVideoTracks()[0]?.getSettings().deviceId !== wanted) {
        stream.getTracks().forEach((tr) => tr.stop());
        stream = await media.getUserMedia({
          video: { deviceId: { exact: wanted }, width: { ideal: 2592 }, height: { ideal: 1944 } },
          audio: false,
        });
      }
      if (!live || !video.current) return;
      video.current.srcObject = stream;
      await video.current.play();
      if (live) setPhase('live');
    };
    open().catch(() => live && setPhase('unavailable'));
    return () => {
      live = false;
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [label]);

  const take = () => {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    setPhase('sending');
    const canvas = document.createElement('canvas');
    const still = fitStill({ width: v.videoWidth, height: v.videoHeight }, (w, h, q) => {
      canvas.width = w;
      canvas.height = h;
      canvas.getContext('2d')!.drawImage(v, 0, 0, w, h);
      return canvas.toDataURL('image/jpeg', q).slice('data:image/jpeg;base64,'.length);
    });
    canvas.width = canvas.height = 0;
    if (still) onPhoto(still.base64);
    else setPhase('unavailable');
  };

  return (
    <Dialog id="camera" title={t('materials.camera.open')} testId="camera" className="camera-overlay">
      <p>{t(phase === 'unavailable' ? 'materials.camera.unavailable' : 'materials.camera.hint')}</p>
      <video ref={video} className="camera-video" muted playsInline data-testid="camera-video" hidden={phase === 'unavailable'} />
      {(phase === 'starting' || phase === 'sending') && (
        <p role="status">{t(phase === 'starting' ? 'materials.camera.starting' : 'materials.camera.sending')}</p>
      )}
      <div className="actions">
        <Button data-testid="camera-cancel" onClick={onClose} autoFocus={phase !== 'live'}>
          {t('materials.camera.cancel')}
        </Button>
        <Button variant="primary" data-testid="camera-take" disabled={phase !== 'live'} autoFocus={phase === 'live'} onClick={take}>
          {t('materials.camera.take')}
        </Button>
      </div>
    </Dialog>
  );
}
