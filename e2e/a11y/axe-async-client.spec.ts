import path from 'node:path';
import { expectAccessible } from '../support/axe';
import { expect, test } from '../support/fixtures';
import { configureAsyncClient, group } from '../support/pages/configure-async-client';
import { databaseAsyncClient } from '../support/pages/database-async-client';
import type { PageObject } from '../support/pages/page-object';
import { GOOD, reachPage } from '../support/wizard';

test.use({ consoleOptions: { scenario: path.resolve('e2e/fixtures/store-with-hq/scenario.json') } });

test.setTimeout(180_000);

test("Async Client's pages, with their errors, a failed and a passed Test connection, to Finish, have no serious violation", async ({ wizard: w, page }) => {
  const entries = { components: ['Async Client'] };
  await reachPage(w, configureAsyncClient.id, { entries });
  await expect(w.heading()).toBeFocused();
  await expectAccessible(page, 'Configure Async Client');

  await w.next();
  await expect(w.pageError()).toBeVisible();
  await expectAccessible(page, 'Configure Async Client with errors');

  await w.fill(configureAsyncClient.labels.url, 'https://cdx-hq03.contoso.com/AsyncServer');
  await group(w, configureAsyncClient.labels.connection).getByRole('button', { name: configureAsyncClient.labels.testConnection }).click();
  await expect(page.getByRole('list', { name: 'Connection test steps' })).toContainText('Failed');
  await expectAccessible(page, 'Configure Async Client, Test connection failed');

  await page.getByRole('checkbox', { name: configureAsyncClient.labels.configure }).uncheck();
  await expectAccessible(page, 'Configure Async Client, files only');
  await page.getByRole('checkbox', { name: configureAsyncClient.labels.configure }).check();

  // Configure Async Client was scanned above (its focus has moved on since).
  const scanned: string[] = [configureAsyncClient.id];
  const visit = async (step: PageObject) => {
    if (scanned.includes(step.id)) return;
    scanned.push(step.id);
    await expect(w.heading(), `focus on arriving at "${step.heading}"`).toBeFocused();
    if (step.heading === 'Prerequisite validation results') await expect(page.getByRole('button', { name: 'Revalidate' })).toBeEnabled();
    if (step.heading === 'Installing') await expect(w.button('Next')).toBeEnabled({ timeout: 30_000 });
    await expectAccessible(page, step.heading);
    if (step.id === databaseAsyncClient.id) {
      await databaseAsyncClient.fill(w, { ...GOOD, ...entries });
      await page.getByRole('group', { name: databaseAsyncClient.labels.channelDatabase }).getByRole('button', { name: databaseAsyncClient.labels.testConnection }).click();
      await expect(page.getByRole('group', { name: databaseAsyncClient.labels.channelDatabase }).getByRole('status')).toContainText('RetailDataSyncUsers');
      await expectAccessible(page, 'Select or specify a database to use with Async Client, Test connection');
    }
  };
  await reachPage(w, 'finish', { entries, visit });
  expect(scanned).toEqual([configureAsyncClient.id, databaseAsyncClient.id, 'prerequisites-after-configure', 'ready', 'installing', 'finish']);
});
