import { fail, ok, type Result } from '../../../shared/contract/define';
import type { ComponentSettings } from '../../../shared/components/component';
import type { ComponentId } from '../../../shared/components/ids';
import { expandSettings } from '../../../shared/settings/expand';
import { engineComponent } from '../components/registry';
import { inspectSqlServer, SqlAccessError, type MessageDatabaseSpec, type ServerInspection } from '../database/sql-access';
import type { EngineContext } from '../engine';
import type { HandlerSet } from './handler-types';

/** The message database the request's settings name, as their component's registry entry reads them. */
async function messageDatabase(ctx: EngineContext, req: { component: ComponentId; settings: ComponentSettings }): Promise<MessageDatabaseSpec> {
  const component = engineComponent(req.component);
  if (!component.messageDatabase) throw new SqlAccessError('component', `${component.definition.title} has no message database to test.`);
  const { settings } = req;
  const { expanded } = expandSettings(settings, await ctx.host.environment());
  return component.messageDatabase(expanded, ctx.host.computerName);
}

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

export const databaseHandlers: HandlerSet<'database.test' | 'database.check'> = {
  'database.test': (req, ctx) => answer(async () => report(await inspectSqlServer(ctx.host, await messageDatabase(ctx, req), req.database, req.sqlPassword))),
  'database.check': (req, ctx) =>
    answer(async () => {
      const found = await inspectSqlServer(ctx.host, await messageDatabase(ctx, req), req.database, req.sqlPassword);
      return { ...report(found), ok: found.verdict.ok, field: found.verdict.field, message: found.verdict.message, suggestion: found.verdict.suggestion };
    }),
};
