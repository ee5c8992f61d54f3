import { fail, ok, type Result } from '../../../shared/contract/define';
import { inspectSqlServer, SqlAccessError, type ServerInspection } from '../database/sql-access';
import type { HandlerSet } from './handler-types';

function report(found: ServerInspection) {
  return {
    server: found.server,
    canCreateDatabase: found.canCreateDatabase,
    messageDatabases: found.databases.flatMap((d) => (d.mark ? [{ name: d.name, partition: d.mark.partition, instances: d.mark.instances }] : [])),
    unreadableDatabases: found.databases.flatMap((d) => (d.unreadable ? [{ name: d.name, reason: d.unreadable }] : [])),
    instance: found.instance,
    warnings: found.warnings,
  };
}

/** A failure to reach the server is an answer for the page (with the field to fix), not a crash. */
async function answer<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await run());
  } catch (err) {
    if (err instanceof SqlAccessError) return fail('failed', err.message, err.field ?? undefined);
    throw err;
  }
}

/**
 * The request's settings are its component's, as the contract checked them; the message database inspection still
 * reads Async Server's server fields (electron/engine/database is on NOT_YET_MODULAR in scripts/layering.ts).
 */
const settingsOf = (req: { settings: Record<string, string> }) => req.settings as Parameters<typeof inspectSqlServer>[1];

export const databaseHandlers: HandlerSet<'database.test' | 'database.check'> = {
  'database.test': (req, ctx) => answer(async () => report(await inspectSqlServer(ctx.host, settingsOf(req), req.database, req.sqlPassword))),
  'database.check': (req, ctx) =>
    answer(async () => {
      const found = await inspectSqlServer(ctx.host, settingsOf(req), req.database, req.sqlPassword);
      return { ...report(found), ok: found.verdict.ok, field: found.verdict.field, message: found.verdict.message, suggestion: found.verdict.suggestion };
    }),
};
