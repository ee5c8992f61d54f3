import type { ParsedRequestOf } from '../../../shared/contract/api';
import { fail, ok } from '../../../shared/contract/define';
import { DEFAULT_DATABASE_CHOICE } from '../../../shared/settings/install-defaults';
import { componentDefinition } from '../../../shared/components/registry';
import type { ComponentId } from '../../../shared/components/ids';
import { summarize, type ValidationReport } from '../../../shared/prerequisites/report';
import { engineComponent } from '../components/registry';
import type { EngineContext } from '../engine';
import { findInstance } from '../instances/registry';
import { keepReport } from '../prerequisites/report-files';
import { UnknownInstanceError } from '../prerequisites/modified-instance';
import { validatePrerequisites } from '../prerequisites/validate';
import type { HandlerSet } from './handler-types';

type Request = ParsedRequestOf<'prerequisites.run'>;

/** One component's parameters out of the request's (each name is one component's). */
function settingsOf(id: ComponentId, all: Record<string, string>): Record<string, string> {
  return Object.fromEntries(componentDefinition(id).parameters.filter((p) => p.name in all).map((p) => [p.name, all[p.name]]));
}

/**
 * Page 8 of a component with checks of its own (Async Client's gate): run after the frame's, with that component's
 * settings and its own Configure choice, each result sent as it is known.
 */
async function ownChecks(req: Request, ctx: EngineContext, supportDir: string, from: number): Promise<ValidationReport['results']> {
  if (req.stage !== 'after-configure') return [];
  const results: ValidationReport['results'] = [];
  for (const id of req.components) {
    const component = engineComponent(id);
    if (!component.pageChecks) continue;
    const settings = settingsOf(id, req.settings);
    const instanceName = component.definition.instanceName(settings);
    const configure = req.configureByComponent[id] ?? req.configure;
    const report = await component.pageChecks({
      host: ctx.host,
      toolVersion: ctx.toolVersion,
      supportDir,
      instanceName,
      settings,
      choices: { configure, components: [id], database: req.database ?? DEFAULT_DATABASE_CHOICE, streaming: req.streaming },
      // The service account's password signs in for its check alone, as the app pool user's does for the frame's.
      secrets: { sqlPassword: req.sqlPassword, servicePassword: req.servicePassword },
      modifies: req.instance !== undefined && findInstance(supportDir, req.instance)?.component === id,
    });
    results.push(...report.results);
  }
  results.forEach((result, i) => ctx.emit('prerequisites.result', { runId: req.runId, result, completed: from + i + 1, total: from + results.length }));
  return results;
}

export const prerequisiteHandlers: HandlerSet<'prerequisites.run' | 'prerequisites.check'> = {
  async 'prerequisites.run'(req, ctx) {
    const supportDir = await ctx.supportFiles.realDir();
    // The instance being modified is the frame checks' concern only when they are its component's.
    const modified = req.instance ? findInstance(supportDir, req.instance) : null;
    const frameInstance = modified && engineComponent(modified.component).pageChecks ? undefined : req.instance;
    let report: ValidationReport;
    try {
      report = await validatePrerequisites(
        { ...req, instance: frameInstance },
        {
          host: ctx.host,
          toolVersion: ctx.toolVersion,
          supportDir,
          // The passwords sign in for this one run and go no further: not into the report, not into a log.
          secrets: { sqlPassword: req.sqlPassword, appPoolPassword: req.appPoolPassword },
          onResult: (result, completed, total) => ctx.emit('prerequisites.result', { runId: req.runId, result, completed, total }),
        },
      );
      const own = await ownChecks(req, ctx, supportDir, report.results.length);
      if (own.length) {
        const results = [...report.results, ...own];
        report = { ...report, results, summary: summarize(results, report.summary.durationMs + own.reduce((n, r) => n + r.durationMs, 0)) };
      }
    } catch (err) {
      if (err instanceof UnknownInstanceError) return fail('not-found', err.message, 'instance');
      throw err;
    }
    ctx.emit('prerequisites.summary', { runId: req.runId, summary: report.summary });
    let savedTo: { html: string; json: string } | null = null;
    try {
      savedTo = await keepReport(report, supportDir);
    } catch {
      // The report is still shown and can be exported; only the kept copy is missing, and the page says so.
    }
    return ok({ report, savedTo });
  },
  async 'prerequisites.check'(req, ctx) {
    const component = engineComponent(req.component);
    if (!component.pageChecks) return fail('not-found', `${component.definition.title} has no checks of its own.`, 'check');
    const supportDir = await ctx.supportFiles.realDir();
    const instanceName = component.definition.instanceName(req.settings);
    const report = await component.pageChecks({
      host: ctx.host,
      toolVersion: ctx.toolVersion,
      supportDir,
      instanceName,
      settings: req.settings,
      choices: { configure: true, components: [req.component], database: req.database },
      secrets: { sqlPassword: req.sqlPassword || undefined },
      modifies: findInstance(supportDir, instanceName) !== null,
    });
    const result = report.results.find((r) => r.id === req.check);
    return result ? ok({ result }) : fail('not-found', `${component.definition.title} has no check ${req.check}.`, 'check');
  },
};
