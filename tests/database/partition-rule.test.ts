import { describe, expect, it } from 'vitest';
import { judgeDatabaseChoice } from '../../electron/engine/database/partition-rule';
import type { DatabaseInfo } from '../../electron/engine/database/sql-host';

const me = 'CDX-HQ01/AsyncServerSite/AsyncServer';
const dbs: DatabaseInfo[] = [
  { name: 'MicrosoftDynamicsAX', mark: null },
  { name: 'MsgInitial', mark: { partition: 'initial', instances: ['CDX-HQ02/AsyncServerSite/AsyncServer'] } },
  { name: 'MsgPs', mark: { partition: 'ps', instances: [] } },
  { name: 'MsgNew', mark: { partition: null, instances: [] } },
];

describe('the partition rule', () => {
  it('lets the first instance of a partition create its message database', () => {
    expect(judgeDatabaseChoice(dbs, 'create', 'MsgRetail2', 'retail2', me).ok).toBe(true);
  });

  it('steers a second instance of a partition to that partition\'s database', () => {
    const v = judgeDatabaseChoice(dbs, 'create', 'MsgOther', 'initial', me);
    expect(v).toMatchObject({ ok: false, field: 'HQMessageDatabase', suggestion: 'MsgInitial' });
    expect(v.message).toContain('Every instance of a partition must use the same message database');
    expect(judgeDatabaseChoice(dbs, 'existing', 'MsgInitial', 'INITIAL', me).ok).toBe(true);
  });

  it('refuses a database already used by another partition, naming the right one', () => {
    const v = judgeDatabaseChoice(dbs, 'existing', 'MsgPs', 'initial', me);
    expect(v).toMatchObject({ ok: false, field: 'database.partition', suggestion: 'MsgInitial' });
    expect(v.message).toContain('MsgPs is the message database of partition ps');
  });

  it('refuses an unmarked or missing database, and creating one whose name is taken', () => {
    expect(judgeDatabaseChoice(dbs, 'existing', 'MicrosoftDynamicsAX', 'initial', me).message).toContain('is not an Async Server message database');
    expect(judgeDatabaseChoice(dbs, 'existing', 'Nope', 'retail2', me).message).toContain('There is no database named Nope');
    expect(judgeDatabaseChoice(dbs, 'create', 'microsoftdynamicsax', 'retail2', me).message).toContain('already exists');
  });

  it('accepts a marked database no partition has claimed yet, and a re-run of this instance', () => {
    expect(judgeDatabaseChoice(dbs, 'existing', 'MsgNew', 'retail2', me).ok).toBe(true);
    const mine: DatabaseInfo[] = [{ name: 'Mine', mark: { partition: 'initial', instances: [me] } }];
    expect(judgeDatabaseChoice(mine, 'create', 'Mine', 'initial', me).ok).toBe(true);
  });
});
