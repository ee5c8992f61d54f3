import { expect, test } from './support/fixtures';
import { fillConfigure, fillDatabase, GOOD, passPrerequisites, walkToConfigure, WizardDriver } from './support/wizard';

test('walks Setup\'s pages to Ready to install and shows the values expanded', async ({ page, cdx }, testInfo) => {
  const w = new WizardDriver(page, testInfo);
  await page.goto(cdx.url);
  await expect(page.getByText('Rehearsal', { exact: true })).toBeVisible();
  await walkToConfigure(w);

  // The guide's defaults are there before anything is typed.
  await expect(w.field('Application name')).toHaveValue('AsyncServer');
  await expect(w.field('App pool name')).toHaveValue('AsyncServer');
  await expect(w.field('Website name')).toHaveValue('AsyncServerSite');
  await expect(w.field('AOS service user')).toHaveValue('NT Authority\\Network Service');
  await expect(w.field('TCP port (optional)')).toHaveValue('808');

  await fillConfigure(w);
  await w.next();
  await w.expectPage('Select a database to use with Async Server');
  await fillDatabase(w);
  await w.next();
  await passPrerequisites(w);
  await w.expectPage('Ready to install');

  const async = page.getByRole('table', { name: 'Async Server' });
  await expect(async.getByRole('row', { name: /HTTPS port/ })).toContainText(GOOD.httpsPort);
  await expect(async.getByRole('row', { name: /SSL certificate thumbprint/ })).toContainText(GOOD.thumbprint);
  await expect(async.getByRole('row', { name: /Password/ })).toContainText('Entered (not shown)');
  await expect(page.getByText(GOOD.password)).toHaveCount(0);

  const parameters = page.getByRole('table', { name: 'Settings file parameters' });
  // %SystemDrive% and [tokens] are expanded for the rehearsal computer, and the entered form is shown beside.
  const site = parameters.getByRole('row', { name: /^WebSiteWorkingFolder/ });
  await expect(site).toContainText('C:\\inetpub\\AsyncServerSite');
  await expect(site).toContainText('%SystemDrive%\\inetpub\\AsyncServerSite');
  await expect(parameters.getByRole('row', { name: /^WebApplicationWorkingFolder/ })).toContainText('C:\\inetpub\\AsyncServerSite\\AsyncServer');
  await expect(parameters.getByRole('row', { name: /^HQMessageDatabaseServerOverride/ })).toContainText(GOOD.server);
});

test('keeps every entry when going back, and Escape asks before cancelling', async ({ page, cdx }) => {
  const w = new WizardDriver(page);
  await page.goto(cdx.url);
  await walkToConfigure(w);
  await fillConfigure(w);
  await w.next();
  await w.expectPage('Select a database to use with Async Server');
  await w.back();
  await w.expectPage('Configure Async Server');
  await expect(w.field('HTTPS port')).toHaveValue(GOOD.httpsPort);
  await expect(w.field('User name')).toHaveValue(GOOD.userName);
  await expect(w.field('Password')).toHaveValue(GOOD.password);

  await page.keyboard.press('Escape');
  const dialog = page.getByRole('dialog', { name: 'Cancel Setup?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Continue Setup' }).click();
  await w.expectPage('Configure Async Server');
});
