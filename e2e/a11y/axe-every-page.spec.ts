import { expect, test } from '../support/fixtures';
import { expectAccessible } from '../support/axe';
import { configure, configureBox } from '../support/pages/configure';
import { configureAsyncClient } from '../support/pages/configure-async-client';
import { databaseAsyncClient } from '../support/pages/database-async-client';
import { database } from '../support/pages/database';
import type { PageObject } from '../support/pages/page-object';
import { prerequisitesAfterConfigure } from '../support/pages/prerequisites';
import { reachPage, STEPS } from '../support/wizard';

test('every page of the walk, to Finish, has no serious accessibility violation, and arriving on it focuses its heading', async ({ wizard: w }) => {
  const scanned = new Set<string>();
  const visit = async (step: PageObject) => {
    if (scanned.has(step.id)) return;
    scanned.add(step.id);
    await expect(w.heading(), `focus on arriving at "${step.heading}"`).toBeFocused();
    // Pages that work are scanned once the work has finished, not while their buttons change state under axe.
    if (step.heading === prerequisitesAfterConfigure.heading) await expect(w.page.getByRole('button', { name: 'Revalidate' })).toBeEnabled();
    if (step.heading === 'Installing') await expect(w.button('Next')).toBeEnabled({ timeout: 30_000 });
    await expectAccessible(w.page, step.heading);
  };
  await reachPage(w, 'ready', { visit });
  // Back from Ready goes to the second Prerequisite validation results page, with the focus on its heading.
  await w.back();
  await expect(w.heading()).toHaveText(prerequisitesAfterConfigure.heading);
  await expect(w.heading(), 'focus after Back').toBeFocused();
  await reachPage(w, 'finish', { visit });
  // Async Server's walk: every page but Async Client's (axe-async-client.spec.ts scans those).
  const clientPages = [configureAsyncClient.id, databaseAsyncClient.id];
  expect([...scanned]).toEqual(STEPS.map((s) => s.id).filter((id) => !clientPages.includes(id)));
});

test('pages showing their errors, files only, and the dialogs have no serious violation', async ({ wizard: w }) => {
  await reachPage(w, 'configure');
  await w.fill(configure.labels.httpsPort, '443');
  await w.fill(configure.labels.userName, 'svc');
  await w.next();
  await expect(w.pageError()).toBeVisible();
  await expectAccessible(w.page, 'Configure Async Server with errors and a warning');

  await w.page.getByRole('button', { name: 'Select certificate…' }).click();
  const picker = w.page.getByRole('dialog', { name: /Certificates in/ });
  await expect(picker.getByRole('radio').first()).toBeVisible();
  await expectAccessible(w.page, 'certificate picker');
  await picker.getByRole('button', { name: 'Close' }).click();

  await configureBox(w).uncheck();
  await expectAccessible(w.page, 'Configure Async Server, files only');
  await configureBox(w).check();

  await reachPage(w, 'database', { entries: { httpsPort: '8443' } });
  await w.fill(database.labels.server, '');
  await w.next();
  await expect(w.pageError()).toBeVisible();
  await expectAccessible(w.page, 'Select a database with an error');

  await w.button('Cancel').click();
  await expect(w.page.getByRole('dialog', { name: 'Cancel Setup?' })).toBeVisible();
  await expectAccessible(w.page, 'Cancel Setup? dialog');
  await w.page.getByRole('button', { name: 'Cancel Setup' }).click();
  await w.expectPage('Setup was cancelled');
  await expectAccessible(w.page, 'Setup was cancelled');
});
