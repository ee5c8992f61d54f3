import { expect, test } from '../support/fixtures';
import { GOOD_CLIENT } from '../support/entries';
import { configure } from '../support/pages/configure';
import { configureAsyncClient } from '../support/pages/configure-async-client';
import { database } from '../support/pages/database';
import { databaseAsyncClient } from '../support/pages/database-async-client';
import { finish } from '../support/pages/finish';
import { GOOD, reachPage } from '../support/wizard';

/** A lab computer with IIS, SQL Server and a channel database: both components on one computer. */
test.use({ consoleOptions: { scenario: 'all-in-one' } });

const ENTRIES = {
  components: ['Async Server', 'Async Client'],
  server: 'CDX-LAB01',
  aosServiceUser: 'CONTOSO\\svc-aos',
  client: { url: 'https://cdx-lab01.contoso.com:8443/AsyncServer', messageServer: 'CDX-LAB01', channelServer: 'CDX-LAB01' },
};

test('both components: Async Server\'s pages then Async Client\'s, a Ready section and a plan for each, both installed in Setup\'s order', async ({ wizard: w, page }) => {
  const visited: string[] = [];
  await reachPage(w, 'ready', { entries: ENTRIES, visit: async (step) => void visited.push(step.id) });
  expect(visited.filter((id) => [configure.id, database.id, configureAsyncClient.id, databaseAsyncClient.id].includes(id))).toEqual([
    configure.id,
    database.id,
    configureAsyncClient.id,
    databaseAsyncClient.id,
  ]);
  const steps = page.getByRole('navigation', { name: 'Setup steps' });
  for (const heading of [configure.heading, database.heading, configureAsyncClient.heading, databaseAsyncClient.heading]) await expect(steps).toContainText(heading);

  const row = (table: string, label: RegExp) => page.getByRole('table', { name: table }).getByRole('row', { name: label });
  await expect(row('Components', /Components/)).toContainText('Async Server, Retail Salt Utility; Async Client, Retail Salt Utility');
  await expect(row('Async Server', /Application name/)).toContainText(GOOD.applicationName);
  await expect(row('Async Client', /Async Server URL/)).toContainText(ENTRIES.client.url);
  await expect(page.getByRole('region', { name: 'Installation plan: Async Server' })).toContainText('Instance AsyncServer');
  await expect(page.getByRole('region', { name: 'Installation plan: Async Client' })).toContainText(`Instance ${GOOD_CLIENT.serviceName}`);
  await expect(page.getByRole('table', { name: 'Settings file parameters: ss-settings.xml' })).toContainText('WebApplicationName');
  await expect(page.getByRole('table', { name: 'Settings file parameters: sc-settings.xml' })).toContainText('SynchServiceHeadOfficeURL');
  await expect(page.getByText(GOOD.password)).toHaveCount(0);

  await reachPage(w, finish.id, { entries: ENTRIES });
  const server = page.getByRole('region', { name: 'Async Server: AsyncServer' });
  await expect(server.getByLabel(finish.labels.url)).toHaveValue(`https://CDX-LAB01:${GOOD.httpsPort}/${GOOD.applicationName}`);
  const client = page.getByRole('region', { name: `Async Client: ${GOOD_CLIENT.serviceName}` });
  await expect(client.getByRole('row', { name: /Service state/ })).toContainText('Running');
  await expect(page.getByRole('region', { name: 'After installing Async Server' }).getByRole('checkbox')).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'After installing Async Client' }).getByRole('checkbox', { name: /Full data sync/ })).toBeVisible();
});
