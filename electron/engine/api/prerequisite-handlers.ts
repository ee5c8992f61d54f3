import { fail, ok } from '../../../shared/contract/define';
import { keepReport } from '../prerequisites/report-files';
import { UnknownInstanceError } from '../prerequisites/modified-instance';
import { validatePrerequisites } from '../prerequisites/validate';
import type { HandlerSet } from './handler-types';

export const prerequisiteHandlers: HandlerSet<'prerequisites.run'> = {
  async 'prerequisites.run'(req, ctx) {
    let report;
    try {
      report = await validatePrerequisites(req, {
        host: ctx.host,
        toolVersion: ctx.toolVersion,
        supportDir: await ctx.supportFiles.realDir(),
        // The SQL login's password signs in for this one run and goes no further: not into the report, not into a log.
        secrets: { sqlPassword: req.sqlPassword },
        onResult: (result, completed, total) => ctx.emit('prerequisites.result', { runId: req.runId, result, completed, total }),
      });
    } catch (err) {
      if (err instanceof UnknownInstanceError) return fail('not-found', err.message, 'instance');
      throw err;
    }
    ctx.emit('prerequisites.summary', { runId: req.runId, summary: report.summary });
    let savedTo: { html: string; json: string } | null = null;
    try {
      savedTo = await keepReport(report, await ctx.supportFiles.realDir());
    } catch {
      // The report is still shown and can be exported; only the kept copy is missing, and the page says so.
    }
    return ok({ report, savedTo });
  },
};
