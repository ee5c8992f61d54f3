import { fail, ok } from '../../../shared/contract/define';
import { componentDefinition } from '../../../shared/components/registry';
import { engineComponent } from '../components/registry';
import type { EngineContext } from '../engine';
import { currentRun } from '../install/current-run';
import type { GateVerdict } from '../install/gate';
import { InstallService, PlanError } from '../install/install-service';
import { findInstance, readInstances } from '../instances/registry';
import type { RunSecrets } from '../plan/operation';
import type { HandlerSet } from './handler-types';

async function serviceOf(ctx: EngineContext): Promise<InstallService> {
  return new InstallService({ host: ctx.host, supportDir: await ctx.supportFiles.realDir(), toolVersion: ctx.toolVersion });
}

/** '' means not given. */
function secretsOf(req: { appPoolPassword: string; sqlPassword: string; servicePassword?: string; connectionPassword?: string }): RunSecrets {
  return {
    appPoolPassword: req.appPoolPassword || undefined,
    sqlPassword: req.sqlPassword || undefined,
    servicePassword: req.servicePassword || undefined,
    connectionPassword: req.connectionPassword || undefined,
  };
}

function planFailure(err: unknown) {
  if (err instanceof PlanError) return fail(err.kind === 'conflict' ? 'conflict' : 'bad-request', err.message, err.field);
  throw err;
}

const BUSY = 'An installation is already running; wait for it to finish.';

export const installHandlers: HandlerSet<'install.plan' | 'install.start' | 'install.state' | 'install.cancel' | 'install.recover' | 'instances.list' | 'instances.summary'> = {
  async 'install.plan'(req, ctx) {
    try {
      const preview = await (await serviceOf(ctx)).preview({ component: req.component, settings: req.settings, choices: req.choices });
      return ok({ instance: preview.instance, notes: preview.notes, steps: preview.steps.map(({ id, kind, description, done }) => ({ id, kind, description, done })), configuration: preview.configuration });
    } catch (err) {
      return planFailure(err);
    }
  },
  /**
   * Answers once the prerequisite gate has judged (page 8's result may be stale): with the run's id when it goes on,
   * or with the failed checks when the gate refused and nothing was changed.
   */
  async 'install.start'(req, ctx) {
    const runs = currentRun(ctx);
    if (runs.running) return fail('busy', BUSY);
    const service = await serviceOf(ctx);
    const cutOff = service.interrupted();
    if (cutOff) return fail('conflict', `An installation of ${cutOff.instance} was interrupted (run ${cutOff.runId}): roll it back or resume it first.`);
    const secrets = secretsOf(req);
    let prepared;
    try {
      prepared = await service.prepareInstall({ component: req.component, settings: req.settings, choices: req.choices }, secrets);
    } catch (err) {
      return planFailure(err);
    }
    let judged: (verdict: GateVerdict | null) => void = () => {};
    const gate = new Promise<GateVerdict | null>((resolve) => (judged = resolve));
    const { runId, done } = runs.launch('install', prepared.instance, (hooks) => service.runInstall(prepared, { ...hooks, secrets, onGate: judged }));
    const verdict = await Promise.race([gate, done.then(() => null)]);
    if (verdict && verdict.failed.length) {
      await done;
      runs.forget(runId);
      return ok({ runId, started: false, failedChecks: verdict.failed });
    }
    if (!verdict) {
      // Ended before the gate: busy, or a computer that cannot be changed.
      const result = await done;
      if (result.outcome !== 'installed' && result.outcome !== 'unchanged') return fail(result.outcome === 'busy' ? 'busy' : 'failed', result.message);
    }
    return ok({ runId, started: true, failedChecks: [] });
  },
  async 'install.state'(_req, ctx) {
    const runs = currentRun(ctx);
    const cutOff = runs.running ? null : (await serviceOf(ctx)).interrupted();
    return ok({
      run: runs.current(),
      interrupted: cutOff
        ? {
            runId: cutOff.runId,
            instance: cutOff.instance,
            startedAt: cutOff.startedAt,
            operationsDone: cutOff.finished.size,
            passwords: componentDefinition(cutOff.component ?? 'async-server').passwords(cutOff.settings, cutOff.choices.configure),
          }
        : null,
    });
  },
  async 'install.cancel'(_req, ctx) {
    return ok({ cancelling: currentRun(ctx).cancel() });
  },
  async 'install.recover'(req, ctx) {
    const runs = currentRun(ctx);
    if (runs.running) return fail('busy', BUSY);
    const service = await serviceOf(ctx);
    const cutOff = service.interrupted();
    if (!cutOff) return fail('not-found', 'No interrupted installation was found on this computer.');
    const { runId } = runs.launch(req.action === 'rollback' ? 'rollback' : 'resume', cutOff.instance, (hooks) => service.recover(req.action, { ...hooks, secrets: secretsOf(req) }));
    return ok({ runId });
  },
  async 'instances.list'(_req, ctx) {
    const instances = readInstances(await ctx.supportFiles.realDir()).map((i) => ({
      name: i.name,
      // Records written before there were two components are Async Server's.
      component: i.component ?? 'async-server',
      version: i.version,
      installedAt: i.installedAt,
      settings: i.settings,
      configure: i.choices.configure,
      database: i.choices.database,
      // As recorded, absent included: a modify that sends the choices as they were changes nothing, the record neither.
      streaming: i.choices.streaming,
    }));
    return ok({ instances });
  },
  async 'instances.summary'(req, ctx) {
    const record = findInstance(await ctx.supportFiles.realDir(), req.name);
    if (!record) return fail('not-found', `No instance named ${req.name} is installed on this computer.`, 'name');
    const component = engineComponent(record.component);
    return ok({ component: component.definition.id, rows: await component.summary(ctx.host, record) });
  },
};
