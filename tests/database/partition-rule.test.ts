import { describe, expect, it } from 'vitest';
import { judgeDatabaseChoice } from '../../electron/engine/database/partition-rule';
import type { DatabaseInfo } from '../../electron/engine/database/sql-host';

const me = 'CDX-HQ01/AsyncServerSite/AsyncServer';
/** Async Server's database name, entered in its HQMessageDatabase field. */
const named = (name: string) => ({ field: 'HQMessageDatabase', name });
const dbs: DatabaseInfo[] = [
  { name: 'MicrosoftDynamicsAX', mark: null },
  { name: 'MsgInitial', mark: { partition: 'initial', instances: ['CDX-HQ02/AsyncServerSite/AsyncServer'] } },
  { name: 'MsgPs', mark: { partition: 'ps', instances: [] } },
  { name: 'MsgNew', mark: { partition: null, instances: [] } },
];

describe('the partition rule', () => {
  it('lets the first instance of a partition create its message database', () => {
    expect(judgeDatabaseChoice(dbs, 'create', named('MsgRetail2'), 'retail2', me).ok).toBe(true);
  });

  it('steers a second instance of a partition to that partition\'s database', () => {
    const v = judgeDatabaseChoice(dbs, 'create', named('MsgOther'), 'initial', me);
    expect(v).toMatchObject({ ok: false, field: 'HQMessageDatabase', suggestion: 'MsgInitial' });
    expect(v.message).toContain('Every instance of a partition must use the same message database');
    expect(judgeDatabaseChoice(dbs, 'existing', named('MsgInitial'), 'INITIAL', me).ok).toBe(true);
  });

  it('refuses a database already used by another partition, naming the right one', () => {
    const v = judgeDatabaseChoice(dbs, 'existing', named('MsgPs'), 'initial', me);
    expect(v).toMatchObject({ ok: false, field: 'database.partition', suggestion: 'MsgInitial' });
    expect(v.message).toContain('MsgPs is the message database of partition ps');
  });

  it('refuses an unmarked or missing database, and creating one whose name is taken', () => {
    expect(judgeDatabaseChoice(dbs, 'existing', named('MicrosoftDynamicsAX'), 'initial', me).message).toContain('is not an Async Server message database');
    expect(judgeDatabaseChoice(dbs, 'existing', named('Nope'), 'retail2', me).message).toContain('There is no database named Nope');
    expect(judgeDatabaseChoice(dbs, 'create', named('microsoftdynamicsax'), 'retail2', me).message).toContain('already exists');
  });

  it('accepts a marked database no partition has claimed yet, and a re-run of this instance', () => {
    expect(judgeDatabaseChoice(dbs, 'existing', named('MsgNew'), 'retail2', me).ok).toBe(true);
    const mine: DatabaseInfo[] = [{ name: 'Mine', mark: { partition: 'initial', instances: [me] } }];
    expect(judgeDatabaseChoice(mine, 'create', named('Mine'), 'initial', me).ok).toBe(true);
  });

  it("points a verdict on the name at the field the caller names it in, not at Async Server's", () => {
    const other = (name: string) => ({ field: 'OtherMessageDatabaseName', name });
    const verdicts = [
      judgeDatabaseChoice(dbs, 'create', other('MsgOther'), 'initial', me),
      judgeDatabaseChoice(dbs, 'create', other('MicrosoftDynamicsAX'), 'retail2', me),
      judgeDatabaseChoice(dbs, 'existing', other('Nope'), 'retail2', me),
      judgeDatabaseChoice(dbs, 'existing', other('MicrosoftDynamicsAX'), 'initial', me),
      judgeDatabaseChoice([...dbs, { name: 'Offline', mark: null, unreadable: 'it is offline' }], 'existing', other('Offline'), 'initial', me),
    ];
    expect(verdicts.map((v) => [v.ok, v.field])).toEqual(Array(5).fill([false, 'OtherMessageDatabaseName']));
  });
});
