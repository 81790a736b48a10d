import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../support/kiosk-process.js';

const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

describe('diag flows', () => {
  it('--json lists every registered flow with its steps in order, the devices it needs and who may use it', () => {
    const r = spawnSync(tsx, [path.join(root, 'main/diag/cli.ts'), 'flows', '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const flows = JSON.parse(r.stdout) as { id: string; steps: string[]; devices: string[]; eligibility: { cardTypes: string[] } }[];
    const proof = flows.find((f) => f.id === 'printProof')!;
    expect(proof.steps.slice(0, 3)).toEqual(['readiness', 'identify', 'issue']);
    expect(proof.steps.at(-1)).toBe('done');
    expect(proof.devices).toEqual(['certificatePrinter']);
    expect(proof.eligibility.cardTypes).not.toContain('foreignPermanent2023');
    const progress = flows.find((f) => f.id === 'progress')!;
    expect(progress.steps).toContain('evaluate');
    expect(progress.devices).toEqual([]);
  });
});
