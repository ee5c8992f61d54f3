import { ok } from '../../../shared/contract/define';
import { validatePrerequisites } from '../prerequisites/validate';
import { sqlProbeFor } from '../prerequisites/sql-probe-for';
import type { HandlerSet } from './handler-types';

export const prerequisiteHandlers: HandlerSet<'prerequisites.run'> = {
  async 'prerequisites.run'(req, ctx) {
    const report = await validatePrerequisites(req, {
      host: ctx.host,
      toolVersion: ctx.toolVersion,
      sql: sqlProbeFor(ctx.host),
      onResult: (result, completed, total) => ctx.emit('prerequisites.result', { runId: req.runId, result, completed, total }),
    });
    ctx.emit('prerequisites.summary', { runId: req.runId, summary: report.summary });
    return ok({ report });
  },
};
