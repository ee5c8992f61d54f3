import type { OperationContext } from '../plan/operation';
import { SqlFailure } from './sql-errors';
import type { SqlSession } from './sql-host';
import type { SqlTarget } from './sql-target';

/** One session per step: an operation signs in, does its part and closes, whatever happens. */
export async function withSession<T>(ctx: OperationContext, target: SqlTarget, use: (session: SqlSession) => Promise<T>): Promise<T> {
  const session = await ctx.host.sql.connect(target, ctx.secrets.sqlPassword);
  try {
    return await use(session);
  } finally {
    await session.close();
  }
}

/** Before the database exists nothing in it is done: a plan preview asks every operation at once. */
export async function unlessDatabaseMissing(check: () => Promise<boolean>): Promise<boolean> {
  try {
    return await check();
  } catch (err) {
    if (err instanceof SqlFailure && err.kind === 'database-missing') return false;
    throw err;
  }
}

/** SQL Server names compare without case (the default collations). */
export const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
