import { expect, test } from '../support/fixtures';
import { configure } from '../support/pages/configure';
import { database } from '../support/pages/database';
import { prerequisitesAfterConfigure } from '../support/pages/prerequisites';
import { ready } from '../support/pages/ready';
import { GOOD, reachPage, STEPS } from '../support/wizard';

const entries = { ...GOOD, appPoolName: 'AsyncPool', websiteName: 'AsyncSite', tcpPort: '', namedInstance: 'SQLHQ01\\AX', databaseMode: 'existing' as const };

test('Back keeps every entry on every page, and going forward again keeps them too', async ({ wizard: w }) => {
  await reachPage(w, 'ready', { entries });
  await w.back();
  await w.expectPage(prerequisitesAfterConfigure.heading);
  await w.back();
  await w.expectPage(database.heading);
  await expect(w.field(database.labels.server)).toHaveValue(entries.server);
  await expect(w.field(database.labels.namedInstance)).toHaveValue(entries.namedInstance);
  await expect(w.field(database.labels.database)).toHaveValue(entries.database);
  await expect(w.page.getByRole('radio', { name: database.labels.existing })).toBeChecked();

  await w.back();
  await w.expectPage(configure.heading);
  const L = configure.labels;
  await expect(w.field(L.appPoolName)).toHaveValue(entries.appPoolName);
  await expect(w.field(L.websiteName)).toHaveValue(entries.websiteName);
  await expect(w.field(L.userName)).toHaveValue(entries.userName);
  await expect(w.field(L.password)).toHaveValue(entries.password);
  await expect(w.field(L.httpsPort)).toHaveValue(entries.httpsPort);
  await expect(w.field(L.tcpPort)).toHaveValue('');
  await expect(w.field(L.thumbprint)).toHaveValue(entries.thumbprint);

  // All the way back to the first page, then forward with Next alone: nothing has to be typed again.
  while (await w.button('Back').isEnabled()) await w.back();
  for (let i = 0; i < STEPS.length && (await w.heading().textContent()) !== ready.heading; i++) {
    const title = (await w.heading().textContent()) ?? '';
    await w.next();
    await expect(w.heading()).not.toHaveText(title);
  }
  await w.expectPage(ready.heading);
  await expect(w.page.getByRole('table', { name: 'Async Server' }).getByRole('row', { name: /App pool name/ })).toContainText(entries.appPoolName);
});

test('Cancel and Escape ask first; Continue Setup keeps the page, Cancel Setup ends with nothing installed', async ({ wizard: w }) => {
  await reachPage(w, 'configure');
  await configure.fill(w, GOOD);
  const dialog = w.page.getByRole('dialog', { name: 'Cancel Setup?' });

  await w.button('Cancel').click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Nothing has been installed.');
  await dialog.getByRole('button', { name: 'Continue Setup' }).click();
  await expect(dialog).toBeHidden();
  await expect(w.heading()).toHaveText(configure.heading);
  await expect(w.field(configure.labels.userName)).toHaveValue(GOOD.userName);

  // Escape inside the dialog closes it (Continue Setup), never cancels by itself.
  await w.page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  await w.page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(w.heading()).toHaveText(configure.heading);

  await w.page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Cancel Setup' }).click();
  await w.expectPage('Setup was cancelled');
  // The closed dialog gives the page back: the heading is reachable and focused (it stayed aria-hidden before).
  await expect(w.page.getByRole('heading', { name: 'Setup was cancelled' })).toBeFocused();
  await expect(w.page.getByText('Nothing was installed or changed on this computer.')).toBeVisible();

  // Start over begins again, with the guide's defaults and no password kept.
  await w.button('Start over').click();
  await reachPage(w, 'configure', { entries: { password: '' } });
  await expect(w.field(configure.labels.password)).toHaveValue('');
});
