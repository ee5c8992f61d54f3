import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { startConsoleProcess } from './support/console';
import { MACHINE_OWN_STATE } from './support/machine-state';
import { configure } from './support/pages/configure';
import { database } from './support/pages/database';
import { installationOption } from './support/pages/installation-option';
import { prerequisitesAfterConfigure } from './support/pages/prerequisites';
import { ready } from './support/pages/ready';
import { GOOD, reachPage, WizardDriver } from './support/wizard';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test('installs from the first page to Finish and reattaches after a reload', async ({ page, cdx }, testInfo) => {
  const w = new WizardDriver(page, testInfo);
  await page.goto(cdx.url);
  await reachPage(w, ready.id);

  const plan = page.getByRole('list', { name: 'Installation steps' });
  await expect(plan).toContainText('Create the application pool AsyncServer');
  await expect(plan).toContainText('net.tcp binding 808:*');
  await expect(page.getByText(/sample payload shipped with CDX Setup/)).toBeVisible();

  await page.getByRole('button', { name: 'Install', exact: true }).click();
  await w.expectPage('Installing');
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeEnabled({ timeout: 30_000 });
  await expect(page.getByRole('log', { name: 'Installation log' })).toContainText('Applied.');

  // A reload finds the run the engine kept.
  await page.reload();
  await w.expectPage('Installing');
  await expect(page.getByText(/Installed: \d+ of \d+ operations changed this computer/).first()).toBeVisible();
  await w.next();

  await w.expectPage('Finish');
  await expect(page.getByLabel('Async Server URL')).toHaveValue(`https://CDX-HQ01:${GOOD.httpsPort}/${GOOD.applicationName}`);
  await expect(page.getByRole('button', { name: 'Copy URL' })).toBeVisible();
  await expect(page.getByLabel('Log file')).toHaveValue(/cdx-setup-.*\.log$/);
  await expect(page.getByRole('checkbox', { name: /Retail scheduler parameters.*Sync metadata/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /scheduler profile.*download and upload intervals/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /working folders/ })).toBeVisible();

  // Support's first question, answered from Finish: the run's log and journal, the new instance, no password.
  const [bundle] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Create support bundle' }).click()]);
  const zip = await bundle.path();
  const listing = spawnSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).stdout.trim().split('\n');
  expect(listing[0]).toBe('SUMMARY.txt');
  expect(listing.filter((n) => /^logs\/cdx-setup-.*\.log$/.test(n))).toHaveLength(1);
  expect(listing).toContain('instances.json');
  expect(spawnSync('unzip', ['-p', zip], { encoding: 'utf8' }).stdout).not.toContain(GOOD.password);

  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Close Setup?' })).toContainText('Installed:');
  await page.getByRole('button', { name: 'Continue Setup' }).click();

  // What the rehearsal machine now holds, and that the password went nowhere.
  const iis = JSON.parse(readFileSync(path.join(cdx.sandbox, 'state', 'iis.json'), 'utf8'));
  expect(Object.keys(iis.sites)).toEqual(['asyncserversite']);
  for (const file of filesUnder(cdx.sandbox)) expect(readFileSync(file, 'utf8'), file).not.toContain(GOOD.password);
});

test('Add or modify components appears once an instance exists; Ready shows the plan of the difference, or nothing to change', async ({ page, cdx }) => {
  const w = new WizardDriver(page);
  await page.goto(cdx.url);
  await w.expectPage('Select a file location');
  await w.next();
  await expect(page.getByRole('radio', { name: 'Add or modify components' })).toHaveCount(0);
  await w.back();
  await reachPage(w, ready.id);
  await page.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeEnabled({ timeout: 30_000 });

  // A new console on the same machine: a new session, with one instance installed.
  const again = await startConsoleProcess({ sandbox: cdx.sandbox });
  try {
    await page.goto(again.url);
    await reachPage(w, installationOption.id);
    await page.getByRole('radio', { name: 'Add or modify components' }).check();
    await page.getByRole('radio', { name: /^AsyncServer \(version/ }).check();
    // Another HTTPS port: Ready lists only the binding, the firewall rule, web.config's HTTPS port (and the instance record) as changes.
    await reachPage(w, ready.id, { entries: { option: 'Add or modify components', httpsPort: '9443' } });
    const plan = page.getByRole('list', { name: 'Installation steps' });
    await expect(page.getByText(/Instance AsyncServer: 4 of \d+ steps will change this computer/)).toBeVisible();
    await expect(plan.getByRole('listitem').filter({ hasText: 'HTTPS binding on port 9443' })).not.toContainText('already in place');
    await expect(plan.getByRole('listitem').filter({ hasText: 'Create the application pool AsyncServer' })).toContainText('already in place');

    // Back to Configure Async Server (through the second Prerequisite validation results, as the guide's Add or
    // modify components path validates too), the installed values again: nothing left to change.
    for (const previous of [prerequisitesAfterConfigure, database, configure]) {
      await w.back();
      await w.expectPage(previous.heading);
    }
    await reachPage(w, ready.id, { entries: { option: 'Add or modify components' } });
    await expect(page.getByText(/everything is already in place; installing will change nothing/)).toBeVisible();
    await page.getByRole('button', { name: 'Install', exact: true }).click();
    await expect(page.getByText('Nothing changed: this computer already is as these settings describe.').first()).toBeVisible({ timeout: 30_000 });
  } finally {
    await again.stop();
  }
});

test.describe('when a step fails', () => {
  test.use({ consoleOptions: { scenario: path.resolve('e2e/fixtures/fault-at-application/scenario.json') } });

  test('everything is rolled back and Finish says so', async ({ page, cdx }) => {
    const w = new WizardDriver(page);
    await page.goto(cdx.url);
    await reachPage(w, ready.id);
    await page.getByRole('button', { name: 'Install', exact: true }).click();
    await w.expectPage('Installing');
    await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeEnabled({ timeout: 30_000 });
    await expect(page.getByText(/Failed at iis\.application:AsyncServerSite\/AsyncServer: Simulated failure/).first()).toBeVisible();
    await expect(page.getByRole('log', { name: 'Installation log' })).toContainText('Undone: iis.site:AsyncServerSite');
    await w.next();
    await w.expectPage('Finish');
    await expect(page.getByRole('main')).toContainText(/Every change of this run was undone; the computer is as it was before/);
    await expect(page.getByLabel('Installation log')).toHaveCount(0);
    await expect(page.getByLabel('Async Server URL')).toHaveCount(0);
    // The Application log keeps its events and the machine key stays, as on Windows; everything else is gone.
    expect(readdirSync(path.join(cdx.sandbox, 'state')).filter((f) => !MACHINE_OWN_STATE.includes(f))).toEqual([]);
  });
});

test('a run cut off by a crash is offered for rollback when the wizard starts', async ({ page }) => {
  const sandbox = mkdtempSync(path.join(os.tmpdir(), 'cdx-e2e-crash-'));
  const settings = path.join(sandbox, 'ss-settings.xml');
  writeFileSync(settings, readFileSync('tests/install/fixtures/ss-settings.xml'));
  const deploy = spawnSync(process.execPath, ['bin/cdx-setup.mjs', 'deploy', '--settings', settings, '--rehearsal', '--sandbox', sandbox], {
    env: { ...process.env, CDX_SETUP_PASSWORD: GOOD.password },
    encoding: 'utf8',
  });
  expect(deploy.status, deploy.stderr).toBe(0);
  // As if the power went off while the last step was being recorded: its start is journaled, its end is not.
  const journalDir = path.join(sandbox, 'drives', 'C', 'ProgramData', 'Microsoft Dynamics AX', 'CDX Setup', 'journal');
  const journal = path.join(journalDir, readdirSync(journalDir)[0]);
  writeFileSync(journal, `${readFileSync(journal, 'utf8').trimEnd().split('\n').slice(0, -2).join('\n')}\n`);

  const cdx = await startConsoleProcess({ sandbox });
  try {
    const w = new WizardDriver(page);
    await page.goto(cdx.url);
    await w.expectPage('Installing');
    await expect(page.getByText(/An installation of AsyncServer .* was interrupted before it finished/)).toBeVisible();
    // Resuming needs the run's own passwords, each asked for by whose it is; rolling back needs none.
    await expect(page.getByLabel('Password for CONTOSO\\svc-async')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Resume', exact: true })).toBeDisabled();
    await page.getByRole('button', { name: 'Roll back', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeEnabled({ timeout: 30_000 });
    await expect(page.getByText(/was rolled back: \d+ changes undone/).first()).toBeVisible();
    // The Application log keeps its events and the machine key stays, as on Windows; everything else is gone.
    expect(readdirSync(path.join(sandbox, 'state')).filter((f) => !MACHINE_OWN_STATE.includes(f))).toEqual([]);
    expect(existsSync(path.join(sandbox, 'drives', 'C', 'inetpub', 'AsyncServerSite'))).toBe(false);
  } finally {
    await cdx.stop();
    rmSync(sandbox, { recursive: true, force: true });
  }
});
