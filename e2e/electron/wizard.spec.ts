import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/** The Electron binary is downloaded on first use; where that cannot happen the project reports itself skipped. */
function electronBinary(): string | null {
  const dir = path.join('node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test.describe('Electron shell', () => {
  test.skip(binary === null, 'No Electron binary on this computer (it is downloaded on first use and the download is not possible here).');

  test('opens the wizard in a sandboxed window with no Node in the page', async () => {
    const app = await electron.launch({ executablePath: binary!, args: ['dist/electron/main.cjs', '--rehearsal'] });
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((window as unknown as { cdxSetup: object }).cdxSetup).sort())).toEqual(['call', 'subscribe']);
    await app.close();
  });
});
