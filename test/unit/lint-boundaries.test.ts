import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { root } from '../support/kiosk-process.js';

const eslint = new ESLint({ cwd: root });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'kiosk/device-boundary').map((m) => m.message);
}

describe("the core reaches devices only through each family's index.ts", () => {
  it('refuses a deep import of a driver or codec from the core', async () => {
    expect(
      await boundaryErrors('main/core/flows/x.ts', "import { EscPosPrinter } from '../../../devices/printer/escpos-printer.js';\n"),
    ).toEqual([expect.stringContaining('devices/printer/escpos-printer.js')]);
    expect(
      await boundaryErrors('main/core/kiosk.ts', "export { decodeTextBlock } from '../../devices/id-card/text-block.js';\n"),
    ).toHaveLength(1);
  });

  it("allows the family index, devices/core, and the core's own main/core/devices folder", async () => {
    const code = [
      "import { isReceiptPrinter } from '../../../devices/printer/index.js';",
      "import type { Device } from '../../../devices/core/device.js';",
      "import { DeviceManager } from '../devices/device-manager.js';",
      'export const x = [isReceiptPrinter, DeviceManager] as unknown as Device[];',
      '',
    ].join('\n');
    expect(await boundaryErrors('main/core/flows/x.ts', code)).toEqual([]);
  });

  it('does not apply outside the core (diagnostics may use a driver directly)', async () => {
    expect(await boundaryErrors('main/diag/x.ts', "import { IppPrinter } from '../../devices/printer/ipp-printer.js';\n")).toEqual([]);
  });
});
