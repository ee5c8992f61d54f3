import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { GOOD, reachPage, WizardDriver } from '../support/wizard';

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

  let app: ElectronApplication;
  let home: string;
  test.beforeEach(async () => {
    // A fresh rehearsal machine and support files for every test, as the console tests have.
    home = mkdtempSync(path.join(os.tmpdir(), 'cdx-electron-'));
    app = await electron.launch({ executablePath: binary!, args: ['dist/electron/main.cjs', '--rehearsal'], env: { ...process.env, CDX_SETUP_HOME: home } });
  });
  test.afterEach(async () => {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  });

  test('opens the wizard in a sandboxed window with no Node in the page', async () => {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((window as unknown as { cdxSetup: object }).cdxSetup).sort())).toEqual(['call', 'subscribe']);
  });

  test('happy path: valid entries reach Ready to install, every page accessible', async () => {
    const w = new WizardDriver(await app.firstWindow());
    await reachPage(w, 'ready', { visit: async (step) => expectAccessible(w.page, `${step.heading} (Electron)`) });
    await expect(w.page.getByRole('table', { name: 'Async Server' }).getByRole('row', { name: /HTTPS port/ })).toContainText(GOOD.httpsPort);
    await expect(w.page.getByText(GOOD.password)).toHaveCount(0);
  });
});
