import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures';
import { fillConfigure, fillDatabase, GOOD, passPrerequisites, WizardDriver } from './support/wizard';

const SCENARIOS = path.resolve('electron/engine/hosts/rehearsal/scenarios');
const CHECK_TITLES = [
  'Running as an administrator',
  'Operating system supported',
  '.NET Framework 4.5 or later',
  'IIS role services',
  'IIS and WCF activation services',
  'SQLCMD utility present',
  'PowerShell execution policy',
  'HTTPS and TCP ports free',
  'SSL certificate',
  'Private key of the SSL certificate',
  'App pool account and AOS service user',
  'App pool password',
  'SQL Server reachable with the rights needed',
  'Free disk space at the working folder',
  'Working folders can be created',
  'Payload folder and manifest',
  'No other setup running',
  'No restart pending',
];

/** The shipped failure scenario, copied where the test may fix it while the console runs. */
function editableFailureScenario(): { file: string; fixIis(): void } {
  const scenario = JSON.parse(readFileSync(path.join(SCENARIOS, 'prereq-failures/scenario.json'), 'utf8'));
  for (const c of scenario.certificates) c.certificate = path.join(SCENARIOS, 'prereq-failures', c.certificate);
  scenario.certificates.push({ store: 'My', certificate: path.join(SCENARIOS, 'default/certs/async-server.pem'), privateKey: path.join(SCENARIOS, 'default/certs/async-server.key') });
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cdx-e2e-scenario-')), 'scenario.json');
  writeFileSync(file, JSON.stringify(scenario, null, 2));
  return {
    file,
    fixIis() {
      scenario.iis.roleServices.push('NET-WCF-HTTP-Activation45');
      writeFileSync(file, JSON.stringify(scenario, null, 2));
    },
  };
}

const failing = editableFailureScenario();

async function toFirstResults(w: WizardDriver) {
  await w.expectPage('Select a file location');
  await w.next();
  await w.expectPage('Select an installation option');
  await w.next();
  await w.expectPage('Select installation type');
  await w.next();
  await w.expectPage('Select components');
  await w.next();
  await w.expectPage('Prerequisite validation results');
}

test.describe('on a computer with failing prerequisites', () => {
  test.use({ consoleOptions: { scenario: failing.file } });

  test('errors block Next on both result pages, and fixing them and Revalidate unblock it', async ({ page, cdx }, testInfo) => {
    const w = new WizardDriver(page, testInfo);
    await page.goto(cdx.url);
    await toFirstResults(w);
    const errors = page.getByRole('region', { name: /^Errors/ });
    await expect(errors).toContainText('IIS role services');
    await expect(errors).toContainText('Install-WindowsFeature NET-WCF-HTTP-Activation45');
    const next = page.getByRole('button', { name: 'Next', exact: true });
    await expect(next).toBeDisabled();

    failing.fixIis();
    await page.getByRole('button', { name: 'Revalidate' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Every prerequisite is met.' })).toBeVisible();
    await expect(next).toBeEnabled();
    await w.next();

    // Page 8 with the choices: the busy port and the certificate without a private key.
    await w.expectPage('Configure Async Server');
    await fillConfigure(w, { ...GOOD, thumbprint: '5003223A83C72CAF73C10884D1DD72F1CFBD0BD7' });
    await w.next();
    await w.expectPage('Select a database to use with Async Server');
    await fillDatabase(w);
    await w.next();
    await w.expectPage('Prerequisite validation results');
    await expect(errors).toContainText('HTTPS port 8443 is in use');
    await expect(errors).toContainText('its private key is not in the store');
    await expect(next).toBeDisabled();

    // Back keeps what was typed; changing the port and the certificate and coming back revalidates.
    await w.back();
    await w.back();
    await w.expectPage('Configure Async Server');
    await expect(w.field('User name')).toHaveValue(GOOD.userName);
    await w.fill('HTTPS port', '9443');
    await w.fill('SSL certificate thumbprint', GOOD.thumbprint);
    await w.next();
    await w.next();
    await passPrerequisites(w);
    await w.expectPage('Ready to install');
  });
});

test('the report opens and the export lists every check', async ({ page, cdx }) => {
  const w = new WizardDriver(page);
  await page.goto(cdx.url);
  await toFirstResults(w);
  await expect(page.getByRole('status').filter({ hasText: 'Every prerequisite is met.' })).toBeVisible();
  await expect(page.getByText(/^A copy of this report is kept with the Setup support files: .*prerequisites-.*\.html$/)).toBeVisible();
  // The page's own content; the shell (banner, buttons) is the wizard's concern.
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.getByRole('button', { name: 'View report' }).click();
  const dialog = page.getByRole('dialog', { name: 'Prerequisite validation report' });
  const report = dialog.frameLocator('iframe[title="Prerequisite validation report"]');
  await expect(report.getByRole('heading', { name: 'Prerequisite validation results' })).toBeVisible();
  for (const title of CHECK_TITLES) await expect(report.getByText(title, { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export report (JSON)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^cdx-prerequisites-CDX-HQ01-.*\.json$/);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(exported.schema).toBe('cdx-setup/prerequisites-report');
  expect(exported.results.map((r: { title: string }) => r.title).sort()).toEqual([...CHECK_TITLES].sort());

  const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save report (HTML)' }).click()]);
  expect(html.suggestedFilename()).toMatch(/\.html$/);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cdx-e2e-report-')), html.suggestedFilename());
  await html.saveAs(file);
  const saved = await page.context().newPage();
  await saved.goto(`file://${file}`);
  await expect(saved).toHaveTitle(/CDX Setup prerequisite validation — CDX-HQ01/);
  for (const title of CHECK_TITLES) await expect(saved.getByText(title, { exact: true })).toBeVisible();
  await saved.close();

  // The support bundle: the report just made, at the top the summary.
  const [bundle] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Create support bundle' }).click()]);
  expect(bundle.suggestedFilename()).toMatch(/^cdx-setup-diagnostics-CDX-HQ01-.*\.zip$/);
  const listing = spawnSync('unzip', ['-Z1', await bundle.path()], { encoding: 'utf8' }).stdout.trim().split('\n');
  expect(listing[0]).toBe('SUMMARY.txt');
  expect(listing).toEqual(expect.arrayContaining(['prerequisites/latest-report.json', 'prerequisites/latest-report.html']));
  await expect(page.getByRole('status').filter({ hasText: /^Support bundle saved as cdx-setup-diagnostics-.*no password\)\. A copy is kept with the Setup support files: / })).toBeVisible();
});

test('Validate prerequisites only ends on the results, with nothing to install', async ({ page, cdx }) => {
  const w = new WizardDriver(page);
  await page.goto(cdx.url);
  await w.expectPage('Select a file location');
  await w.next();
  await w.expectPage('Select an installation option');
  await page.getByRole('radio', { name: 'Validate prerequisites only' }).check();
  await w.next();
  await w.expectPage('Prerequisite validation results');
  await expect(page.getByRole('status').filter({ hasText: 'Every prerequisite is met.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Setup steps' })).not.toContainText('Ready to install');
});
