import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startConsoleProcess } from '../support/console';
import { GOOD_CLIENT } from '../support/entries';
import { expect, test } from '../support/fixtures';
import { configureAsyncClient, group } from '../support/pages/configure-async-client';
import { databaseAsyncClient } from '../support/pages/database-async-client';
import { finish } from '../support/pages/finish';
import { reachPage, WizardDriver } from '../support/wizard';

/** The store computer (STORE01, its channel databases) on the network of the rehearsal's Async Servers over real HTTPS. */
const SCENARIO = path.resolve('e2e/fixtures/store-with-hq/scenario.json');
const ALONE = { components: ['Async Client'] };
const SECOND = { serviceName: 'CDXAsyncClient2', installFolder: '%SystemDrive%\\AsyncClientService2', messageDatabase: 'ChannelMessageDB2', channelDatabase: 'RetailChannelDatabase2' };

test.use({ consoleOptions: { scenario: SCENARIO } });

function cli(sandbox: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['bin/cdx-setup.mjs', ...args, '--rehearsal', SCENARIO, '--sandbox', sandbox], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const steps = (page: Page) => page.getByRole('list', { name: 'Connection test steps' }).getByRole('listitem');

/** Finish for one Async Client instance: its service running, and the guide's tasks after it. */
async function expectServiceRunning(w: WizardDriver, serviceName: string) {
  await w.expectPage(finish.heading);
  const installed = w.page.getByRole('table', { name: new RegExp(`^Installed: Async Client: ${serviceName}$`) });
  await expect(installed.getByRole('row', { name: /Windows service/ })).toContainText(serviceName);
  await expect(installed.getByRole('row', { name: /Service state/ })).toContainText('Running');
  await expect(installed.getByRole('row', { name: /Startup type/ })).toContainText('Automatic');
  const tasks = w.page.getByRole('region', { name: 'After installation' });
  await expect(tasks.getByRole('checkbox', { name: /channel database profile .* same user name and password/ })).toBeVisible();
  await expect(tasks.getByRole('checkbox', { name: /Data download interval in minutes and Data upload interval in minutes/ })).toBeVisible();
  await expect(tasks.getByRole('checkbox', { name: /Full data sync/ })).toBeVisible();
}

test('Async Client alone: walk its pages, test the connection over real TLS, install, see the service running; a second instance beside it; uninstall one', async ({ wizard: w, cdx, page }) => {
  const w1 = await reachPage(w, configureAsyncClient.id, { entries: ALONE });
  const connection = group(w1, configureAsyncClient.labels.connection);

  // A self-signed Async Server certificate: the trust step fails, naming the certificate and how to trust it.
  await w1.fill(configureAsyncClient.labels.url, 'https://cdx-hq02.contoso.com/AsyncServer');
  await connection.getByRole('button', { name: configureAsyncClient.labels.testConnection, exact: true }).click();
  await expect(steps(page).filter({ hasText: 'resolves' })).toContainText('Passed');
  const trust = steps(page).filter({ hasText: /trusted/ });
  await expect(trust).toContainText('Failed');
  await expect(trust).toContainText('Import-Certificate');
  await expect(trust).toContainText('Cert:\\LocalMachine\\Root');
  await expect(page.getByRole('definition').filter({ hasText: /^[0-9A-F]{40}$/ })).toBeVisible();

  // The rehearsal's headquarters: every step passes, the NetTcp port too when streaming.
  await w1.fill(configureAsyncClient.labels.url, GOOD_CLIENT.url);
  await page.getByRole('checkbox', { name: configureAsyncClient.labels.streaming, exact: true }).check();
  await expect(page.getByText(/initial synchronization or for large amounts of data, on a reliable network/)).toBeVisible();
  await expect(w1.field(configureAsyncClient.labels.netTcpPort)).toHaveValue('808');
  await connection.getByRole('button', { name: configureAsyncClient.labels.testConnection, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `This computer reaches Async Server at ${GOOD_CLIENT.url}` })).toBeVisible();
  await expect(steps(page)).toHaveCount(6);
  for (const step of await steps(page).all()) await expect(step).toContainText('Passed');

  // On to Ready to install: a section for Async Client, the plan, no password anywhere.
  await reachPage(w1, 'ready', { entries: { ...ALONE, client: { streaming: true } } });
  const row = (table: string, label: RegExp) => page.getByRole('table', { name: table }).getByRole('row', { name: label });
  await expect(row('Components', /Components/)).toContainText('Async Client, Retail Salt Utility');
  await expect(row('Async Client', /Async Server URL/)).toContainText(GOOD_CLIENT.url);
  await expect(row('Async Client', /Channel database ID/)).toContainText(GOOD_CLIENT.channelDatabaseId);
  await expect(row('Async Client', /Messaging/)).toContainText('Streaming');
  await expect(row('Async Client databases', /^Channel message database/)).toContainText('ChannelMessageDB on STORE01 (created when it does not exist)');
  await expect(row('Async Client databases', /^Channel database/)).toContainText('RetailChannelDatabase on STORE01 (must exist)');
  await expect(page.getByRole('region', { name: 'Installation plan' })).toContainText(`Instance ${GOOD_CLIENT.serviceName}`);
  await expect(page.getByRole('table', { name: 'Settings file parameters' })).toContainText('SynchServiceHeadOfficeURL');
  await expect(page.getByText(GOOD_CLIENT.servicePassword)).toHaveCount(0);

  await reachPage(w1, finish.id, { entries: { ...ALONE, client: { streaming: true } } });
  await expectServiceRunning(w1, GOOD_CLIENT.serviceName);

  // A second instance beside it, from a new session on the same computer: its own service, folder and databases.
  const again = await startConsoleProcess({ scenario: SCENARIO, sandbox: cdx.sandbox });
  try {
    await page.goto(again.url);
    const w2 = await reachPage(page, finish.id, { entries: { ...ALONE, client: SECOND } });
    await expectServiceRunning(w2, SECOND.serviceName);
  } finally {
    await again.stop();
  }

  const listed = cli(cdx.sandbox, 'instances');
  expect(listed).toContain(GOOD_CLIENT.serviceName);
  expect(listed).toContain(SECOND.serviceName);
  // The wizard has no uninstall page (Setup's is Programs and Features): the CLI removes one instance.
  expect(cli(cdx.sandbox, 'uninstall', '--instance', SECOND.serviceName)).toContain(`The instance ${SECOND.serviceName} was removed`);
  const left = cli(cdx.sandbox, 'instances');
  expect(left).toContain(GOOD_CLIENT.serviceName);
  expect(left).not.toContain(SECOND.serviceName);

  // Neither password reached a file of the rehearsal machine (state, logs, journals, configuration).
  for (const file of filesUnder(cdx.sandbox)) expect(readFileSync(file, 'latin1'), file).not.toContain(GOOD_CLIENT.servicePassword);
});

test("Async Client's database page signs in as Async Server's does: Trust the server certificate says what it gives up", async ({ wizard: w, page }) => {
  await reachPage(w, databaseAsyncClient.id, { entries: ALONE });
  const signIn = page.getByRole('group', { name: 'Sign-in to SQL Server', exact: true });
  await expect(signIn.getByText('DOMAIN\\user with its password signs in through NTLM')).toBeVisible();
  await signIn.getByLabel('Trust the server certificate').check();
  await expect(signIn.getByText("the server's identity is not verified")).toBeVisible();
  await signIn.getByLabel('Trust the server certificate').uncheck();
  await expect(signIn.getByText("the server's identity is not verified")).toHaveCount(0);
});
