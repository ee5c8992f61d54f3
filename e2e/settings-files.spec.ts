import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { fillConfigure, fillDatabase, GOOD, passPrerequisites, walkToConfigure, WizardDriver } from './support/wizard';
import type { Page } from '@playwright/test';

const FIXTURES = path.resolve('tests/fixtures/settings');

async function openSettingsFile(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open settings file' }).click();
  await (await chooser).setFiles(file);
}

/** `cdx-setup settings show FILE --json` on the console's rehearsal computer, as a deployment engineer runs it. */
function settingsShow(file: string, sandbox: string): Record<string, string> {
  const out = execFileSync(process.execPath, ['bin/cdx-setup.mjs', 'settings', 'show', file, '--json', '--rehearsal', '--sandbox', sandbox], { encoding: 'utf8' });
  const json = JSON.parse(out) as { parameters: { name: string; value: string }[] };
  return Object.fromEntries(json.parameters.map((p) => [p.name, p.value]));
}

test('Open settings file on the first page fills in Configure Async Server, from a Notepad "Unicode" file', async ({ page, cdx }, testInfo) => {
  const w = new WizardDriver(page, testInfo);
  await page.goto(cdx.url);
  await w.expectPage('Select a file location');
  await openSettingsFile(page, path.join(FIXTURES, 'notepad-unicode-le.xml'));
  await expect(page.getByRole('status')).toContainText('Opened notepad-unicode-le.xml (ss-settings.xml): the pages are filled in');
  await walkToConfigure(w);
  await expect(w.field('Application name')).toHaveValue('AsyncServer');
  await expect(w.field('User name')).toHaveValue('CONTOSO\\svc-async');
  await expect(w.field('HTTPS port')).toHaveValue('8443');
  await expect(w.field('AOS service user')).toHaveValue('CONTOSO\\svc-aos');
  await expect(w.field('SSL certificate thumbprint')).toHaveValue('D0743827EFD9BFA20059CE80157DF8B8B74EE50B');
  // No password travels in a settings file.
  await expect(w.field('Password')).toHaveValue('');
});

test('a settings file with errors shows each with its line and key, and changes nothing', async ({ page, cdx }) => {
  const w = new WizardDriver(page);
  await page.goto(cdx.url);
  await openSettingsFile(page, path.join(FIXTURES, 'wrong-case-key.xml'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('wrong-case-key.xml was not used');
  await expect(alert.getByRole('list', { name: 'Settings file problems' })).toContainText('Line 4: WebsiteName is not a parameter: names are case-sensitive, use "WebSiteName".');
  await walkToConfigure(w);
  await expect(w.field('HTTPS port')).toHaveValue('');
  await expect(w.field('Website name')).toHaveValue('AsyncServerSite');
});

test('Save settings on Ready to install writes the file the CLI reads back, and it opens again on the first page', async ({ page, cdx }, testInfo) => {
  const w = new WizardDriver(page, testInfo);
  await page.goto(cdx.url);
  await walkToConfigure(w);
  await fillConfigure(w, { ...GOOD, applicationName: 'AsyncServerEU' });
  await w.next();
  await w.expectPage('Select a database to use with Async Server');
  await fillDatabase(w);
  await w.next();
  await passPrerequisites(w);
  await w.expectPage('Ready to install');

  const location = page.getByLabel('Settings file location', { exact: true });
  const windowsPath = 'C:\\ProgramData\\Microsoft Dynamics AX\\CDX Setup\\ss-settings-AsyncServerEU.xml';
  await expect(location).toHaveValue(windowsPath);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved the settings' })).toContainText(`Saved the settings in ${windowsPath} on`);

  const real = path.join(cdx.sandbox, 'drives', 'C', 'ProgramData', 'Microsoft Dynamics AX', 'CDX Setup', 'ss-settings-AsyncServerEU.xml');
  expect(readFileSync(real, 'utf8')).not.toContain(GOOD.password);
  const values = settingsShow(real, cdx.sandbox);
  expect(values).toMatchObject({
    WebApplicationName: 'AsyncServerEU',
    AppPoolUser: GOOD.userName,
    WebSiteHttpsPort: GOOD.httpsPort,
    WebSiteTcpPort: GOOD.tcpPort,
    WebSiteSSLCertificateThumbprint: GOOD.thumbprint,
    HQMessageDatabaseServerName: GOOD.server,
    HQMessageDatabase: GOOD.database,
    // Tokens stay tokens in the file.
    WebApplicationWorkingFolder: '[WebSiteWorkingFolder]\\[WebApplicationName]',
  });

  // A new wizard on the same computer starts at Select an installation option; the saved file fills it in again.
  await page.goto(cdx.url);
  await w.expectPage('Select an installation option');
  await openSettingsFile(page, real);
  await expect(page.getByRole('status')).toContainText('Opened ss-settings-AsyncServerEU.xml');
  await walkToConfigure(w);
  await expect(w.field('Application name')).toHaveValue('AsyncServerEU');
  await expect(w.field('HTTPS port')).toHaveValue(GOOD.httpsPort);
  await expect(w.field('User name')).toHaveValue(GOOD.userName);
});
