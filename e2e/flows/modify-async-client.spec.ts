import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startConsoleProcess } from '../support/console';
import { GOOD_CLIENT } from '../support/entries';
import { expect, test } from '../support/fixtures';
import { configureAsyncClient, group } from '../support/pages/configure-async-client';
import { databaseAsyncClient } from '../support/pages/database-async-client';
import { finish } from '../support/pages/finish';
import { installationOption } from '../support/pages/installation-option';
import { ready } from '../support/pages/ready';
import { passPrerequisites, reachPage } from '../support/wizard';

/** The store computer (STORE01, with the channel databases RetailChannelDatabase and RetailChannelDatabase2). */
const SCENARIO = path.resolve('e2e/fixtures/store-with-hq/scenario.json');
const MODIFY = 'Add or modify components';
const ALONE = { components: ['Async Client'] };
const MOVED_TO = 'RetailChannelDatabase2';

test.use({ consoleOptions: { scenario: SCENARIO } });

/** What the rehearsal computer holds of the instance: its record, its configuration file, the services. */
function machine(sandbox: string) {
  const json = (...p: string[]) => JSON.parse(readFileSync(path.join(sandbox, ...p), 'utf8'));
  return {
    records: json('drives', 'C', 'ProgramData', 'Microsoft Dynamics AX', 'CDX Setup', 'instances.json').instances,
    config: readFileSync(path.join(sandbox, 'drives', 'C', 'AsyncClientService', 'Microsoft.Dynamics.Retail.CommerceDataExchange.AsyncClientService.exe.config'), 'utf8'),
    services: json('state', 'scm.json').services,
    sql: json('state', 'sql.json'),
  };
}

test('Add or modify components on an installed Async Client: its settings and choices come back, a new channel database goes into the same instance, nothing else changes', async ({ wizard: w, cdx, page }) => {
  // Installed streaming: a choice that is not a parameter must survive the modify too.
  await reachPage(w, finish.id, { entries: { ...ALONE, client: { streaming: true } } });
  const before = machine(cdx.sandbox);

  const again = await startConsoleProcess({ scenario: SCENARIO, sandbox: cdx.sandbox });
  try {
    const listed = page.waitForResponse((r) => r.url().includes('/api/call/instances.list'));
    await page.goto(again.url);
    await reachPage(page, installationOption.id);
    await listed;
    await page.getByRole('radio', { name: MODIFY, exact: true }).check();
    await page.getByRole('radio', { name: new RegExp(`^${GOOD_CLIENT.serviceName} \\(version .*, Async Client\\)$`) }).check();
    const w2 = await reachPage(page, configureAsyncClient.id, { entries: { ...ALONE, option: MODIFY } });

    // Configure Async Client shows the instance as installed; only the passwords are asked again (never kept).
    const connection = group(w2, configureAsyncClient.labels.connection);
    const service = group(w2, configureAsyncClient.labels.service);
    await expect(w2.field(configureAsyncClient.labels.url)).toHaveValue(GOOD_CLIENT.url);
    await expect(w2.field(configureAsyncClient.labels.channelDatabaseId)).toHaveValue(GOOD_CLIENT.channelDatabaseId);
    await expect(connection.getByLabel('User name', { exact: true })).toHaveValue(GOOD_CLIENT.connectionUser);
    await expect(service.getByLabel('User name', { exact: true })).toHaveValue(GOOD_CLIENT.serviceUser);
    await expect(service.getByLabel('Service name', { exact: true })).toHaveValue(GOOD_CLIENT.serviceName);
    await expect(service.getByLabel('Installation folder', { exact: true })).toHaveValue(GOOD_CLIENT.installFolder);
    await expect(page.getByRole('checkbox', { name: configureAsyncClient.labels.streaming, exact: true })).toBeChecked();
    await expect(connection.getByLabel('Password', { exact: true })).toHaveValue('');
    await connection.getByLabel('Password', { exact: true }).fill(GOOD_CLIENT.connectionPassword);
    await service.getByLabel('Password', { exact: true }).fill(GOOD_CLIENT.servicePassword);
    await w2.next();

    // Its databases as installed; the store's channel database is now another one.
    await w2.expectPage(databaseAsyncClient.heading);
    const channel = page.getByRole('group', { name: databaseAsyncClient.labels.channelDatabase, exact: true });
    const message = page.getByRole('group', { name: databaseAsyncClient.labels.messageDatabase, exact: true });
    await expect(message.getByLabel(databaseAsyncClient.labels.database, { exact: true })).toHaveValue(GOOD_CLIENT.messageDatabase);
    await expect(channel.getByLabel(databaseAsyncClient.labels.database, { exact: true })).toHaveValue(GOOD_CLIENT.channelDatabase);
    await channel.getByLabel(databaseAsyncClient.labels.database, { exact: true }).fill(MOVED_TO);
    await w2.next();

    await passPrerequisites(w2);
    await w2.expectPage(ready.heading);
    const row = (table: string, label: RegExp) => page.getByRole('table', { name: table }).getByRole('row', { name: label });
    await expect(row('Installation', /Installation option/)).toContainText(MODIFY);
    await expect(row('Installation', /Installed instance/)).toContainText(GOOD_CLIENT.serviceName);
    await expect(row('Async Client databases', /^Channel database/)).toContainText(`${MOVED_TO} on STORE01 (must exist)`);
    await expect(row('Async Client', /Messaging/)).toContainText('Streaming');
    // The plan of the difference: the configuration, the password in it, the service account's login on the new
    // channel database and the record, the service stopped around them and started again, so that it reads them;
    // the service's definition, its files and the message database are in place.
    const step = (text: string | RegExp) => page.getByRole('list', { name: 'Installation steps' }).getByRole('listitem').filter({ hasText: text });
    await expect(step(/^Stop the Windows service/)).not.toContainText('already in place');
    await expect(step(/^Write the Async Client configuration/)).not.toContainText('already in place');
    await expect(step(/^Start the Windows service/)).not.toContainText('already in place');
    await expect(step(`roles RetailDataSyncUsers in ${MOVED_TO}`)).not.toContainText('already in place');
    await expect(step(/^Install: the Windows service/)).toContainText('already in place');
    await expect(step(/^Copy the \d+ Async Client/)).toContainText('already in place');
    await expect(step(/^Create the channel message database/)).toContainText('already in place');
    await page.getByRole('button', { name: 'Install', exact: true }).click();
    await expect(page.getByText(/Installed: \d+ of \d+ operations changed this computer/).first()).toBeVisible({ timeout: 30_000 });
    await w2.next();

    await w2.expectPage(finish.heading);
    const installed = page.getByRole('table', { name: new RegExp(`^Installed: Async Client: ${GOOD_CLIENT.serviceName}$`) });
    await expect(installed.getByRole('row', { name: /Windows service/ })).toContainText(GOOD_CLIENT.serviceName);
    await expect(installed.getByRole('row', { name: /Service state/ })).toContainText('Running');
    await expect(installed.getByRole('row', { name: /Async Server URL/ })).toContainText(GOOD_CLIENT.url);
    await expect(installed.getByRole('row', { name: /Channel database ID/ })).toContainText(GOOD_CLIENT.channelDatabaseId);
  } finally {
    await again.stop();
  }

  // One instance still, of the same name, its record changed in the channel database alone; its choices as before.
  const after = machine(cdx.sandbox);
  expect(after.records.map((r: { name: string }) => r.name)).toEqual([GOOD_CLIENT.serviceName]);
  const [was, is] = [before.records[0], after.records[0]];
  expect(is.settings).toEqual({ ...was.settings, ChannelDatabaseName: MOVED_TO });
  expect(is.choices).toEqual(was.choices);
  expect(is.choices.streaming).toBe(true);
  // This run stopped the service before writing its configuration and started it after.
  const thisRun = is.applied.slice(was.applied.length).map((c: { kind: string }) => c.kind);
  expect(thisRun).toEqual(['installed-service.stop', 'file.content', 'app-config.protected', 'sql.login', 'installed-service.start']);
  // The service as it was: one, the same account, binary and start type, running.
  expect(after.services).toEqual(before.services);
  // The configuration names the new channel database; the rest of it is as it was (the password encrypted anew).
  const lines = (config: string) => config.split('\r\n');
  const changed = lines(after.config).filter((line, i) => line !== lines(before.config)[i]);
  expect(lines(after.config)).toHaveLength(lines(before.config).length);
  expect(changed).toEqual([
    `    <add name="ChannelDatabase" connectionString="Data Source=STORE01;Initial Catalog=${MOVED_TO};Integrated Security=True" />`,
    expect.stringMatching(/^ {4}<add key="DataStorePassword" value="[A-Za-z0-9+/=]{16,}" \/>$/),
  ]);
  expect(after.config).toContain('<add key="UseStreaming" value="true" />');
  expect(after.config).not.toContain(GOOD_CLIENT.connectionPassword);
  // The service account may now use the new channel database.
  const database = after.sql.servers.store01.databases.find((d: { name: string }) => d.name === MOVED_TO);
  expect(database.users).toContainEqual({ name: GOOD_CLIENT.serviceUser, login: GOOD_CLIENT.serviceUser, roles: ['RetailDataSyncUsers'] });
});
