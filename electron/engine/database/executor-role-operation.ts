import type { Operation, UndoKind } from '../plan/operation';
import { databaseExists } from './database-listing';
import { EXECUTOR_ROLE } from './database-roles';
import { unlessDatabaseMissing, withSession } from './session-use';
import { describeTarget, type SqlTarget } from './sql-target';

/** What the role's undo needs, all of it in the journal: the database, the role, and what this run changed. */
interface ExecutorRoleUndo {
  database: string;
  role: string;
  createdRole: boolean;
  grantedExecute: boolean;
}

/**
 * Takes back what the run did, from the journaled state alone: a role it created is dropped once it has no members
 * (a member added by someone else keeps it); EXECUTE it granted to an existing role is revoked.
 */
export const executorRoleUndo: UndoKind = {
  kind: 'sql.role',
  async undo(ctx, target, data) {
    if (!data) return;
    const d = data as unknown as ExecutorRoleUndo;
    await withSession(ctx, target.sql as SqlTarget, async (s) => {
      if (!(await databaseExists(s, d.database))) return; // dropped with the database
      const now = await s.roleState(d.database, d.role);
      if (!now.exists) return;
      if (d.createdRole && now.members.length === 0) {
        await s.dropRole(d.database, d.role);
        ctx.log('info', `Dropped the role ${d.role} from ${d.database}, which this run had created.`);
      } else if (d.createdRole) {
        // Someone else made it theirs meanwhile: taking EXECUTE away would break them.
        ctx.log('warning', `The role ${d.role} stays in ${d.database}, with EXECUTE: it has members this run did not add (${now.members.join(', ')}).`);
      } else if (d.grantedExecute && now.canExecute) {
        await s.revokeExecute(d.database, d.role);
        ctx.log('info', `Revoked EXECUTE from the role ${d.role} in ${d.database}, which this run had granted.`);
      }
    });
  },
};

/**
 * The executor role: created when missing (`CREATE ROLE [db_executor]; GRANT EXECUTE TO [db_executor]`), or given
 * EXECUTE when it exists without it. The login operations after it make the accounts members.
 */
export function executorRoleOperation(target: SqlTarget, database: string): Operation {
  const role = EXECUTOR_ROLE;
  return {
    id: `sql.role:${role}`,
    kind: executorRoleUndo.kind,
    target: { sql: target, database, role },
    description: `Create the role ${role} in ${database}, allowed to execute its stored procedures (EXECUTE), when it is missing`,
    details: { server: describeTarget(target), database, role, permission: 'EXECUTE' },
    isDone: (ctx) =>
      unlessDatabaseMissing(() =>
        withSession(ctx, target, async (s) => {
          const state = await s.roleState(database, role);
          return state.exists && state.canExecute;
        }),
      ),
    async apply(ctx) {
      return withSession(ctx, target, async (s) => {
        const before = await s.roleState(database, role);
        if (!before.exists) await s.createRole(database, role);
        if (!before.canExecute) await s.grantExecute(database, role);
        ctx.log('info', before.exists ? `The role ${role} in ${database} was given EXECUTE.` : `Created the role ${role} in ${database}, with EXECUTE.`);
        const undo: ExecutorRoleUndo = { database, role, createdRole: !before.exists, grantedExecute: !before.canExecute };
        return { ...undo };
      });
    },
  };
}
