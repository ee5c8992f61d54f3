import { checkDatabaseName, checkSqlInstance, checkSqlServerName } from '../../shared/settings/rules';
import { expect, test } from '../support/fixtures';
import { expectFieldError, expectFieldValid, expectNextRefused } from '../support/field-checks';
import { database } from '../support/pages/database';
import { GOOD, reachPage } from '../support/wizard';

const L = database.labels;

const ERRORS: { label: string; bad: string; message: string | null; good: string }[] = [
  { label: L.server, bad: '', message: checkSqlServerName(''), good: GOOD.server },
  { label: L.server, bad: 'SQLHQ01\\AX', message: checkSqlServerName('SQLHQ01\\AX'), good: GOOD.server },
  { label: L.server, bad: 'sql hq!', message: checkSqlServerName('sql hq!'), good: GOOD.server },
  { label: L.namedInstance, bad: 'server1\\1instance', message: checkSqlInstance('server1\\1instance', false), good: '' },
  { label: L.namedInstance, bad: 'server1\\instance2\\x', message: checkSqlInstance('server1\\instance2\\x', false), good: '' },
  { label: L.namedInstance, bad: 'bad server\\instance2', message: checkSqlInstance('bad server\\instance2', false), good: '' },
  { label: L.namedInstance, bad: 'server1\\averyveryverylonginstance', message: checkSqlInstance('server1\\averyveryverylonginstance', false), good: '' },
  { label: L.database, bad: '', message: checkDatabaseName(''), good: GOOD.database },
  { label: L.database, bad: ' AsyncServerMessageDB', message: checkDatabaseName(' AsyncServerMessageDB'), good: GOOD.database },
  { label: L.database, bad: 'D'.repeat(129), message: checkDatabaseName('D'.repeat(129)), good: GOOD.database },
];

test('Select a database: every field rule is shown inline and blocks Next', async ({ wizard: w }) => {
  await reachPage(w, 'database');
  await database.fill(w, GOOD);
  for (const c of ERRORS) {
    await test.step(`${c.label}: ${JSON.stringify(c.bad)}`, async () => {
      expect(c.message, 'the rule rejects this value').not.toBeNull();
      await w.fill(c.label, c.bad);
      await expectFieldError(w, c.label, c.message!);
      await expectNextRefused(w, database.heading);
      await w.fill(c.label, c.good);
      await expectFieldValid(w, c.label);
    });
  }
  // The guide's instance forms are all accepted by the field rule (the servers they name are not on this machine).
  for (const good of ['localhost', 'localhost\\instance2', 'server1', 'server1\\instance2']) {
    await w.fill(L.namedInstance, good);
    await expectFieldValid(w, L.namedInstance);
  }
  // Next also asks the SQL Server: an instance it cannot find keeps the user on the page, saying so.
  await w.next();
  await expect(w.page.getByRole('alert').filter({ hasText: 'The named instance server1\\instance2 was not found' })).toBeVisible();
  await expect(w.heading()).toHaveText(database.heading);
  // The rehearsal machine's named instance, with the message database it already holds, goes through.
  await reachPage(w, 'ready', { entries: { namedInstance: 'SQLHQ01\\AX', databaseMode: 'existing' } });
  await expect(w.page.getByRole('table', { name: 'Message database' }).getByRole('row', { name: /Named instance/ })).toContainText('SQLHQ01\\AX');
});
