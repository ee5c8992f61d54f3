import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { fillConfigure, fillDatabase, GOOD, passPrerequisites, walkToConfigure, WizardDriver } from './support/wizard';

const DATABASE_PAGE = 'Select a database to use with Async Server';

async function toDatabasePage(w: WizardDriver) {
  await walkToConfigure(w);
  await fillConfigure(w);
  await w.next();
  await w.expectPage(DATABASE_PAGE);
}

test.describe('default scenario', () => {
  test('tests the connection and goes on to create a new message database', async ({ page, cdx }, testInfo) => {
    const w = new WizardDriver(page, testInfo);
    await page.goto(cdx.url);
    await toDatabasePage(w);
    await fillDatabase(w);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Connected to SQLHQ01' })).toContainText('It has no message database yet.');

    await page.getByLabel('Trust the server certificate').check();
    await expect(page.getByText("the server's identity is not verified")).toBeVisible();
    await page.getByLabel('Trust the server certificate').uncheck();

    await w.next();
    await passPrerequisites(w);
    await w.expectPage('Ready to install');
    const review = page.getByRole('table', { name: 'Message database' });
    await expect(review.getByRole('row', { name: /Database/ }).first()).toContainText(`${GOOD.database} (create a new message database)`);
    await expect(review.getByRole('row', { name: /Authentication/ })).toContainText('Windows authentication (current user)');
  });
});

test.describe('an existing marked database', () => {
  test.use({ consoleOptions: { scenario: 'sql-existing' } });

  test('lists it with the instances using it and reuses it; creating a second one is steered to it', async ({ page, cdx }, testInfo) => {
    const w = new WizardDriver(page, testInfo);
    await page.goto(cdx.url);
    await toDatabasePage(w);
    await w.fill('Server name', GOOD.server);
    await w.fill('Database name', 'AnotherMessageDB');
    await w.next();
    await expect(page.getByRole('alert').filter({ hasText: 'Partition initial already has the message database AsyncServerMessageDB' })).toContainText(
      'used by CDX-HQ02/AsyncServerSite/AsyncServer',
    );
    await w.expectPage(DATABASE_PAGE);
    await page.getByRole('button', { name: 'Use AsyncServerMessageDB' }).click();

    await expect(page.getByRole('radio', { name: 'Use an existing message database' })).toBeChecked();
    const listed = page.getByRole('radio', { name: /^AsyncServerMessageDB — partition initial — used by CDX-HQ02\/AsyncServerSite\/AsyncServer$/ });
    await expect(listed).toBeChecked();
    await expect(page.getByRole('radio', { name: /ReportingDB/ })).toHaveCount(0);
    await expect(w.field('Database name')).toHaveValue('AsyncServerMessageDB');
    await w.next();
    await passPrerequisites(w);
    await w.expectPage('Ready to install');
    // Choosing changes nothing on the server: the simulated SQL state was never written.
    expect(existsSync(path.join(cdx.sandbox, 'state', 'sql.json'))).toBe(false);
  });
});

test.describe('two partitions', () => {
  test.use({ consoleOptions: { scenario: 'sql-partitions' } });

  test('refuses the database of another partition with a clear message', async ({ page, cdx }, testInfo) => {
    const w = new WizardDriver(page, testInfo);
    await page.goto(cdx.url);
    await toDatabasePage(w);
    await w.fill('Server name', GOOD.server);
    await page.getByRole('radio', { name: 'Use an existing message database' }).check();
    // Of partition ps, the list offers it only to partition ps.
    await expect(page.getByRole('radio', { name: /^AsyncServerMessageDB_PS — partition ps/ })).toBeDisabled();
    await expect(page.getByRole('radio', { name: /^AsyncServerMessageDB_PS/ })).toHaveAccessibleName(/another partition: cannot be used/);

    await w.fill('Database name', 'AsyncServerMessageDB_PS');
    await w.next();
    await w.expectPage(DATABASE_PAGE);
    const message = 'AsyncServerMessageDB_PS is the message database of partition ps (used by CDX-HQ03/AsyncServerSite/AsyncServer); each partition has its own message database, so partition initial cannot use it. Partition initial uses AsyncServerMessageDB.';
    await expect(page.getByText(message, { exact: true })).toBeVisible();
    await expect(w.field('Partition')).toHaveAccessibleDescription(/partition initial cannot use it\. Partition initial uses AsyncServerMessageDB\./);
    await expect(page.getByRole('button', { name: 'Use AsyncServerMessageDB' })).toBeVisible();

    // The right partition can use it.
    await w.fill('Partition', 'ps');
    await w.next();
    await passPrerequisites(w);
    await w.expectPage('Ready to install');
  });
});

test.describe('login failure', () => {
  test.use({ consoleOptions: { scenario: 'sql-login-failed' } });

  test('names the field to fix, and a SQL Server login gets through', async ({ page, cdx }, testInfo) => {
    const w = new WizardDriver(page, testInfo);
    await page.goto(cdx.url);
    await toDatabasePage(w);
    await fillDatabase(w);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('alert').first()).toContainText('SQL Server SQLHQ01 refused the current Windows user.');
    await expect(page.getByRole('radiogroup', { name: 'Authentication' })).toHaveAccessibleDescription(/Check the Authentication/);

    await page.getByRole('radio', { name: 'SQL Server authentication' }).check();
    await w.fill('Login', 'cdx_setup');
    await w.fill('Password', 'wrong-Canary-Pa55');
    await w.next();
    await w.expectPage(DATABASE_PAGE);
    await expect(w.field('Login')).toHaveAccessibleDescription(/refused the login cdx_setup\. Check the Login and Password/);
    await expect(page.getByText('wrong-Canary-Pa55')).toHaveCount(0);

    await w.fill('Password', 'Rehearsal-Only-Pa55');
    await w.next();
    await passPrerequisites(w);
    await w.expectPage('Ready to install');
    await expect(page.getByRole('table', { name: 'Message database' }).getByRole('row', { name: /Authentication/ })).toContainText('SQL Server authentication as cdx_setup');
    expect(cdx.output()).not.toContain('Rehearsal-Only-Pa55');
  });
});

test.describe('databases that cannot be read', () => {
  test.use({ consoleOptions: { scenario: 'sql-unreadable' } });

  test('the readable message database is listed, and the unreadable ones are named with their reason', async ({ page, cdx }, testInfo) => {
    const w = new WizardDriver(page, testInfo);
    await page.goto(cdx.url);
    await toDatabasePage(w);
    await w.fill('Server name', GOOD.server);
    await page.getByRole('radio', { name: 'Use an existing message database' }).check();
    await expect(page.getByRole('radio', { name: /^AsyncServerMessageDB — partition initial/ })).toBeVisible();
    const unreadable = page.getByRole('list', { name: 'Databases that could not be read' });
    await expect(unreadable.getByRole('listitem')).toHaveText([
      'ArchiveDB: it is offline',
      'AsyncServerMessageDB_PS: it is an availability group secondary replica that does not allow reads',
      'PayrollDB: the account used has no access to it',
      'ReportingDB: it is in single-user mode and in use by another connection',
    ]);
  });
});

test.describe("SQL Server's certificate and TLS version", () => {
  test.use({ consoleOptions: { scenario: 'sql-faults' } });

  test("its own self-signed certificate names Trust the server certificate; a server without TLS 1.2 is named as such", async ({ page, cdx }, testInfo) => {
    const w = new WizardDriver(page, testInfo);
    await page.goto(cdx.url);
    await toDatabasePage(w);
    await w.fill('Server name', 'SQLSELF');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('alert').first()).toContainText('SQL Server SQLSELF presented a self-signed certificate, as SQL Server does when no certificate is configured for it');
    await expect(page.getByRole('alert').first()).toContainText('or select Trust the server certificate');
    await page.getByLabel('Trust the server certificate').check();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Connected to SQLSELF' })).toBeVisible();

    await page.getByLabel('Trust the server certificate').uncheck();
    await w.fill('Server name', 'SQLOLD');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('alert').first()).toContainText(/SQL Server SQLOLD does not offer TLS 1\.2.*SQL Server 2012 and 2014 offer it only with their TLS 1\.2 update \(KB3135244/);
  });
});
