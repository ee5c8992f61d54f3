import { fail, ok } from '../../../shared/contract/define';
import { isBuiltInAccount } from '../../../shared/settings/rules';
import { installService } from '../executor/install-service';
import { readInstances } from '../instances/registry';
import { buildPlan, PlanError, type PlanInput } from '../plan/build-plan';
import type { EngineContext } from '../engine';
import type { RunSecrets } from '../plan/operation';
import type { HandlerSet } from './handler-types';

async function plan(ctx: EngineContext, input: PlanInput) {
  return buildPlan(ctx.host, await ctx.supportFiles.realDir(), input);
}

/** '' means not given. */
function secretsOf(req: { appPoolPassword: string; sqlPassword: string }): RunSecrets {
  return { appPoolPassword: req.appPoolPassword || undefined, sqlPassword: req.sqlPassword || undefined };
}

function planFailure(err: unknown) {
  if (err instanceof PlanError) return fail(err.kind === 'conflict' ? 'conflict' : 'bad-request', err.message, err.field);
  throw err;
}

export const installHandlers: HandlerSet<'install.plan' | 'install.start' | 'install.state' | 'install.cancel' | 'install.recover' | 'instances.list'> = {
  async 'install.plan'(req, ctx) {
    try {
      const built = await plan(ctx, { settings: req.settings, choices: req.choices, passwordProvided: true });
      const opCtx = { host: ctx.host, secrets: {}, signal: new AbortController().signal, log: () => {} };
      const steps = [];
      for (const op of built.operations) steps.push({ id: op.id, kind: op.kind, description: op.description, done: await op.isDone(opCtx).catch(() => false) });
      return ok({ instance: built.instanceName, notes: built.notes, steps });
    } catch (err) {
      return planFailure(err);
    }
  },
  async 'install.start'(req, ctx) {
    const service = installService(ctx);
    if (service.running) return fail('busy', 'An installation is already running; wait for it to finish.');
    const supportDir = await ctx.supportFiles.realDir();
    const cutOff = service.interrupted(supportDir);
    if (cutOff) return fail('conflict', `An installation of ${cutOff.instance} was interrupted (run ${cutOff.runId}): roll it back or resume it first.`);
    try {
      const built = await plan(ctx, { settings: req.settings, choices: req.choices, passwordProvided: req.appPoolPassword !== '' });
      return ok({ runId: service.start(built, secretsOf(req)) });
    } catch (err) {
      return planFailure(err);
    }
  },
  async 'install.state'(_req, ctx) {
    const service = installService(ctx);
    const cutOff = service.interrupted(await ctx.supportFiles.realDir());
    return ok({
      run: service.current(),
      interrupted: cutOff
        ? {
            runId: cutOff.runId,
            instance: cutOff.instance,
            startedAt: cutOff.startedAt,
            operationsDone: cutOff.finished.length,
            needsPassword: cutOff.choices.configure && cutOff.settings.AppPoolUser.trim() !== '' && !isBuiltInAccount(cutOff.settings.AppPoolUser),
          }
        : null,
    });
  },
  async 'install.cancel'(_req, ctx) {
    return ok({ cancelling: installService(ctx).cancel() });
  },
  async 'install.recover'(req, ctx) {
    const service = installService(ctx);
    if (service.running) return fail('busy', 'An installation is already running; wait for it to finish.');
    const supportDir = await ctx.supportFiles.realDir();
    const cutOff = service.interrupted(supportDir);
    if (!cutOff) return fail('not-found', 'No interrupted installation was found on this computer.');
    try {
      return ok({ runId: service.recover(supportDir, cutOff, req.action, secretsOf(req)) });
    } catch (err) {
      return planFailure(err);
    }
  },
  async 'instances.list'(_req, ctx) {
    const instances = readInstances(await ctx.supportFiles.realDir()).map((i) => ({
      name: i.name,
      version: i.version,
      installedAt: i.installedAt,
      settings: i.settings,
      configure: i.choices.configure,
    }));
    return ok({ instances });
  },
};
