import { expect, test } from '../support/fixtures';
import { configure } from '../support/pages/configure';
import { database } from '../support/pages/database';
import { GOOD, reachPage, WizardDriver } from '../support/wizard';

test('happy path: valid entries on every page reach Ready to install, which shows every choice', async ({ page, cdx }) => {
  // Whatever goes wrong in the page itself (an exception, a blocked script or style) fails the walk.
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()} (${m.location().url})`));
  const response = await page.goto(cdx.url);
  expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
  const w = new WizardDriver(page);

  await expect(w.page.getByText('Rehearsal', { exact: true })).toBeVisible();
  // The tab's icon comes once the first page is up, and no request for /favicon.ico goes out before it.
  await expect(w.page.locator('link[rel="icon"]')).toHaveAttribute('href', /\.svg$/);
  await reachPage(w, 'ready', { entries: { namedInstance: 'SQLHQ01\\AX', databaseMode: 'existing' } });

  const steps = w.page.getByRole('navigation', { name: 'Setup steps' });
  await expect(steps.getByRole('listitem').filter({ hasText: 'Ready to install' })).toHaveAttribute('aria-current', 'step');
  await expect(steps).toContainText(configure.heading);
  await expect(steps).toContainText(database.heading);

  const row = (table: string, label: RegExp) => w.page.getByRole('table', { name: table }).getByRole('row', { name: label });
  await expect(row('Installation', /Installation option/)).toContainText('Commerce Data Exchange components');
  await expect(row('Components', /Components/)).toContainText('Async Server, Retail Salt Utility');
  await expect(row('Async Server', /Configure Async Server by using Setup/)).toContainText('Yes');
  await expect(row('Async Server', /User name/)).toContainText(GOOD.userName);
  await expect(row('Async Server', /Password/)).toContainText('Entered (not shown)');
  await expect(row('Async Server', /TCP port/)).toContainText(GOOD.tcpPort);
  await expect(row('Message database', /Server name/)).toContainText(GOOD.server);
  await expect(row('Message database', /Named instance/)).toContainText('SQLHQ01\\AX');
  await expect(row('Message database', /Database/)).toContainText(`${GOOD.database} (use an existing one)`);
  // What Setup writes into web.config, with the node that receives it.
  const config = (label: RegExp) => row('Application configuration', label);
  await expect(config(/Message database connection string/)).toContainText(`Data Source=SQLHQ01\\AX;Initial Catalog=${GOOD.database};Integrated Security=True`);
  await expect(config(/Message database connection string/)).toContainText("add[@name='HQMessageDatabase']/@connectionString");
  await expect(config(/HTTPS port/)).toContainText(GOOD.httpsPort);
  await expect(w.page.getByText(GOOD.password)).toHaveCount(0);
  // This walk stops at Ready to install (installing: install.spec.ts, uninstall.spec.ts and the keyboard-only walk).
  await expect(w.button('Install')).toBeVisible();
  expect(problems).toEqual([]);
});
