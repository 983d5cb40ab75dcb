// The desktop app as shipped: electron-builder flips these fuses in the packaged binary. Checked here
// because no Electron binary runs in CI.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the packaged desktop app', () => {
  it('is built with its fuses locked down', async () => {
    const yaml = await readFile(join(ROOT, 'electron-builder.yml'), 'utf8');
    // The block's own lines, `  key: true|false`, up to the next top-level key.
    const block = /^electronFuses:\n((?: {2}\w+: (?:true|false)\n)+)/m.exec(yaml)?.[1] ?? '';
    const fuses = Object.fromEntries(
      block
        .trim()
        .split('\n')
        .map((line) => line.trim().split(': '))
        .map(([key, value]) => [key, value === 'true']),
    );
    expect(fuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('sandboxes every renderer, closes DevTools when packaged, refuses devices and frame navigation', async () => {
    const source = async (file: string) => readFile(join(ROOT, 'electron', file), 'utf8');
    expect(await source('main.ts')).toMatch(/^app\.enableSandbox\(\);$/m);
    expect(await source('window.ts')).toMatch(/devTools: !app\.isPackaged/);
    const security = await source('security.ts');
    expect(security).toMatch(/setDevicePermissionHandler\(\(\) => false\)/);
    expect(security).toMatch(/'will-frame-navigate', \(event\) => event\.preventDefault\(\)/);
  });
});
