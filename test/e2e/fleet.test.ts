import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandSigner } from '../../fleet/service/command-signer.js';
import { topics, type CommandBody } from '../../main/core/fleet/protocol.js';
import { launchBrowser } from '../support/browser.js';
import { consolePrivate, fleetKeys } from '../support/fleet-harness.js';
import { root, startKiosk, testConfig, type RunningKiosk } from '../support/kiosk-process.js';
import { startMosquitto, type PrivateBroker } from '../support/mosquitto.js';
import { MqttObserver } from '../support/mqtt-observer.js';

const artifacts = path.join(root, 'test', 'artifacts');
mkdirSync(artifacts, { recursive: true });
const signer = new CommandSigner(consolePrivate);

let broker: PrivateBroker;
let observer: MqttObserver;
let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  broker = await startMosquitto();
  observer = await MqttObserver.connect(broker.url);
  kiosk = await startKiosk(
    testConfig({ fleet: { broker: { url: broker.url }, consoleKey: fleetKeys.publicKey, region: 'zhengzhou', debounceMs: 50 } }),
  );
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1024 } })).newPage();
  await page.goto(kiosk.url);
  await page.getByTestId('attract').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
  await observer?.close();
  await broker?.stop();
});

async function command(body: CommandBody): Promise<void> {
  const { command, signed } = signer.sign('TEST-0001', body);
  await observer.client.publishAsync(topics.cmd('TEST-0001'), JSON.stringify(signed), { qos: 1 });
  await observer.next((m) => m.topic === topics.results('TEST-0001') && m.json.id === command.id && m.json.status === 'done');
}

describe('fleet commands on the kiosk screen', () => {
  it('shows the operations centre’s notice on the attract screen', async () => {
    await command({ type: 'notice', text: '12月1日 02:00–04:00 系统升级，暂停服务' });
    await expect.poll(() => page.getByTestId('fleet-notice').textContent()).toContain('系统升级');
  });

  it('locks the terminal with 暂停服务, where to go instead, and no way to start; unlocks it again', async () => {
    await command({ type: 'lock', message: '设备检修，暂停服务', alternative: '一楼大厅 3 号窗口' });
    const lock = page.getByTestId('fleet-lock');
    await lock.waitFor();
    expect(await lock.textContent()).toContain('暂停服务');
    expect(await page.getByTestId('fleet-lock-alternative').textContent()).toContain('一楼大厅 3 号窗口');
    await page.screenshot({ path: path.join(artifacts, 'fleet-lock.png') });
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await lock.click();
    expect(await page.getByTestId('touch-to-start').count()).toBe(0);
    // a reload (the UI restarting) still shows the lock: it comes from the core, not the page
    await page.reload();
    await page.getByTestId('fleet-lock').waitFor();
    await command({ type: 'unlock' });
    await page.getByTestId('attract').waitFor();
  });
});
