import type { RunKind, RunOutcome, RunStep } from '../../../shared/contract/install-schemas';
import type { ValidationReport } from '../../../shared/prerequisites/report';
import type { ComponentSettings } from '../../../shared/components/component';
import type { ComponentId } from '../../../shared/components/ids';
import { appendTo } from '../executor/journal';
import { applyPlan, refuseUnknownKinds, undoChanges, type StepChange } from '../executor/executor';
import { findInterruptedRun, type InterruptedRun } from '../executor/recovery';
import { withRun, type RunReport, type RunSpec } from '../executor/run';
import type { LogListener } from '../executor/run-log';
import type { Host } from '../hosts/host';
import { engineComponent } from '../components/registry';
import { findInstance, putInstance, readInstances, type InstanceRecord } from '../instances/registry';
import { buildPlan, PlanError, type Plan, type PlanChoices } from '../plan/build-plan';
import { exportPlanScript } from '../plan/export-script';
import type { RunSecrets } from '../plan/operation';
import { isAppConfigOperation, type AppConfigOperation } from '../plan/operations/app-config';
import { checkSkipList, runGate, type GateVerdict } from './gate';

export { PlanError, type PlanChoices };
export { checkSkipList, SkipCheckError, skippableChecks, type GateVerdict } from './gate';
export type { InterruptedRun, RunReport, RunSecrets };

/** One instance to install: its settings (as entered) and choices. Passwords travel beside it, in RunSecrets. */
export interface InstallRequest {
  /** The component to install an instance of; absent means Async Server, as before there were two. */
  component?: ComponentId;
  settings: ComponentSettings;
  choices: PlanChoices;
}

/** What the front door hears of a run as it goes. */
export interface RunHooks {
  /** The id the run will carry, when the caller hands it out before the run starts (install.start). */
  runId?: string;
  signal?: AbortSignal;
  onStart?: RunSpec['onStart'];
  onProgress?: RunSpec['onProgress'];
  onLog?: LogListener;
}

export interface InstallOptions extends RunHooks {
  secrets: RunSecrets;
  /** Check ids the admin overrules (`--skip-check`); only skippable checks are accepted. */
  skipChecks?: readonly string[];
  /** The gate's verdict, once it has judged and before the first change. */
  onGate?(verdict: GateVerdict): void;
}

/** An installation planned and ready to run: what the caller may show before it starts. */
export interface PreparedInstall {
  readonly plan: Plan;
  readonly instance: string;
  readonly asyncServerUrl: string | null;
  readonly steps: { id: string; kind: string; description: string }[];
}

export interface PlanPreview {
  instance: string;
  choices: PlanChoices;
  notes: string[];
  steps: { id: string; kind: string; description: string; details: Record<string, string>; done: boolean }[];
  /** What is written into the application's configuration file (passwords masked), or null when nothing is. */
  configuration: AppConfigOperation['configuration'] | null;
}

export interface ServiceContext {
  host: Host;
  supportDir: string;
  toolVersion: string;
}

/**
 * The one door for planning, installing, resuming, rolling back and uninstalling: the wizard (through the API), the
 * console and every CLI command come here, so each rule (the password, the interrupted run, the prerequisite gate,
 * the plan preview) exists once. Runs return results, never throw; bad input (a plan that cannot be built) throws
 * PlanError before anything starts.
 */
export class InstallService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The plan for `request`; `passwordProvided`: whether AppPoolUser's password will be given (its value never comes here). */
  plan(request: InstallRequest, passwordProvided = true): Promise<Plan> {
    return buildPlan(this.ctx.host, this.ctx.supportDir, { component: request.component, settings: request.settings, choices: request.choices, passwordProvided });
  }

  /** The plan in words, each step marked when it is already in place; changes nothing. */
  async preview(request: InstallRequest): Promise<PlanPreview> {
    return this.describe(await this.plan(request));
  }

  /**
   * The previews of several instances installed one after another (a topology), each checked against those before
   * it as if they were installed already; a PlanError names the instance by `label`: the same folder, an app pool with another user, a shared website on other
   * ports. Finding these only once the first instances are installed would leave the run half done.
   */
  async previewAll(requests: InstallRequest[], label: (index: number) => string): Promise<PlanPreview[]> {
    const plans: Plan[] = [];
    for (const [i, request] of requests.entries()) {
      const plan = await this.plan(request).catch((err: unknown) => {
        throw err instanceof PlanError ? new PlanError(`${label(i)}: ${err.message}`, err.kind, err.field) : err;
      });
      const earlier = plans.filter((p) => p.component === plan.component).map((p) => ({ record: { name: p.instanceName, choices: p.choices }, expanded: p.expanded }));
      const clashes = engineComponent(plan.component).collisions(plan.expanded, plan.choices.configure, earlier);
      if (clashes.length) throw new PlanError(`${label(i)} cannot be installed after the instances before it in the topology: ${clashes.join(' ')}`, 'conflict');
      plans.push(plan);
    }
    return Promise.all(plans.map((p) => this.describe(p)));
  }

  /** The plan as a PowerShell script (`plan --export-script`). */
  async exportScript(request: InstallRequest, generatedBy: string): Promise<string> {
    return exportPlanScript(await this.plan(request), generatedBy);
  }

  /** A component's prerequisite validation of these settings alone (`validate --settings`), changing nothing. */
  validate(request: InstallRequest, secrets: RunSecrets): Promise<ValidationReport> {
    const component = engineComponent(request.component);
    const instanceName = component.definition.instanceName(request.settings);
    return component.prerequisites({
      ...this.ctx,
      instanceName,
      settings: request.settings,
      choices: request.choices,
      secrets,
      modifies: findInstance(this.ctx.supportDir, instanceName) !== null,
    });
  }

  /** The run a crash cut off, if any: nothing else may be installed before it is rolled back or resumed. */
  interrupted(): InterruptedRun | null {
    return findInterruptedRun(this.ctx.supportDir);
  }

  /** Plans the installation (PlanError on bad input); nothing runs yet. */
  async prepareInstall(request: InstallRequest, secrets: RunSecrets): Promise<PreparedInstall> {
    const plan = await this.plan(request, passwordGiven(secrets));
    return {
      plan,
      instance: plan.instanceName,
      asyncServerUrl: this.serverUrl(plan.component, plan.expanded, plan.choices.configure),
      steps: plan.operations.map((op) => ({ id: op.id, kind: op.kind, description: op.description })),
    };
  }

  /**
   * The prerequisite gate alone, changing nothing: a topology judges every instance before it installs the first.
   * Each installation still runs the gate itself, holding the lock.
   */
  async check(prepared: PreparedInstall, secrets: RunSecrets, skipChecks: readonly string[] = []): Promise<GateVerdict> {
    const { plan } = prepared;
    return runGate({ ...this.ctx, component: plan.component, instanceName: plan.instanceName, settings: plan.settings, choices: plan.choices, secrets, skip: skipChecks });
  }

  async install(request: InstallRequest, options: InstallOptions): Promise<RunReport> {
    return this.runInstall(await this.prepareInstall(request, options.secrets), options);
  }

  /**
   * Installs a prepared plan: refused while an interrupted run waits; then, holding the lock and before any change,
   * the prerequisite gate; then the plan, rolled back on a failure or a cancel.
   */
  async runInstall(prepared: PreparedInstall, options: InstallOptions): Promise<RunReport> {
    checkSkipList(options.skipChecks ?? []);
    const { plan } = prepared;
    const cutOff = this.interrupted();
    if (cutOff) return this.notRun('install', plan.instanceName, 'busy', interruptedMessage(cutOff), prepared.asyncServerUrl);
    return withRun(
      {
        ...this.spec('install', plan.instanceName, prepared.steps, prepared.asyncServerUrl, options),
        header: { component: plan.component, settings: plan.settings, choices: plan.choices },
      },
      async (run) => {
        run.log.write('info', 'Prerequisite validation, before any change: the same checks as page 8 and cdx-setup validate --settings.');
        const verdict = await this.check(prepared, options.secrets, options.skipChecks);
        for (const r of verdict.report.results) run.log.write(r.status === 'error' ? 'error' : 'info', `    ${r.status.padEnd(14)} ${r.id}: ${r.details}`);
        for (const r of verdict.skipped) run.log.write('warning', `Skipped on request (--skip-check ${r.id}): ${r.title}, which found: ${r.status}.`);
        options.onGate?.(verdict);
        const gate = { skippedChecks: verdict.skipped.map((r) => r.id) };
        if (verdict.failed.length) {
          return {
            outcome: 'refused',
            message: `Prerequisites are not met (${verdict.failed.map((r) => r.title).join('; ')}): nothing was changed. Fix them, then install again.`,
            changed: false,
            failedChecks: verdict.failed,
            ...gate,
          };
        }
        return { ...(await applyPlan(run, plan)), ...gate };
      },
    );
  }

  /** Rolls back, or resumes, the interrupted run. */
  async recover(action: 'rollback' | 'resume', options: RunHooks & { secrets: RunSecrets }): Promise<RunReport> {
    const cutOff = this.interrupted();
    if (!cutOff) return this.notRun(action, '', 'not-found', 'No interrupted installation was found on this computer: there is nothing to resume or roll back.', null);
    return action === 'rollback' ? this.rollBack(cutOff, options) : this.resume(cutOff, options);
  }

  /** Undoes what the interrupted run changed, from its journal alone: no payload, settings or plan is needed. */
  private rollBack(cutOff: InterruptedRun, options: RunHooks & { secrets: RunSecrets }): Promise<RunReport> {
    const steps = cutOff.changes.map((c) => ({ id: c.id, kind: String(c.kind), description: cutOff.descriptions[c.id] ?? c.id }));
    return withRun({ ...this.spec('rollback', cutOff.instance, steps, null, options), header: { recovers: cutOff.runId } }, async (run) => {
      run.log.write('info', `Rolling back the interrupted run ${cutOff.runId} (instance ${cutOff.instance}, started ${cutOff.startedAt}).`);
      const refusal = refuseUnknownKinds(cutOff.changes, `Nothing was undone; the journal ${cutOff.journalFile} is kept for a version that can.`);
      if (refusal) return refusal;
      const failures = await undoChanges(run, cutOff.changes.map((change, index) => ({ index, change })));
      if (failures.length) return { outcome: 'rollback-failed', message: `The rollback could not undo ${failures.join(', ')}; see the log ${run.log.file}. Run it again once the cause is fixed.`, changed: true };
      appendTo(cutOff.journalFile, { type: 'run.recovered', by: run.runId, action: 'rollback' });
      return {
        outcome: 'rolled-back',
        message: `The interrupted run ${cutOff.runId} was rolled back: ${cutOff.changes.length} changes undone; the computer is as it was before.`,
        changed: cutOff.changes.length > 0,
      };
    });
  }

  /**
   * Finishes the interrupted run with the plan its settings give now: what it finished is adopted, what it had begun
   * is undone and done again. A change the plan no longer has, or of a kind this version cannot undo, refuses it.
   */
  private async resume(cutOff: InterruptedRun, options: RunHooks & { secrets: RunSecrets }): Promise<RunReport> {
    const prepared = await this.prepareInstall({ component: cutOff.component, settings: cutOff.settings, choices: cutOff.choices }, options.secrets);
    const planned = new Set(prepared.steps.map((s) => s.id));
    const strays = cutOff.changes.filter((c) => !planned.has(c.id));
    const refusal =
      refuseUnknownKinds(cutOff.changes, 'Nothing was changed; the journal of the interrupted run is kept.') ??
      (strays.length
        ? {
            outcome: 'cannot-undo' as const,
            message: `The interrupted run changed ${strays.map((c) => c.id).join(', ')}, which the plan its settings give now does not have: resuming would leave that unrecorded. Nothing was changed; roll the run back instead.`,
            changed: false,
          }
        : null);
    if (refusal) return this.notRun('resume', cutOff.instance, refusal.outcome, refusal.message, prepared.asyncServerUrl);
    const byId = new Map(cutOff.changes.map((c) => [c.id, c] as const));
    const finished = new Map([...byId].filter(([id]) => cutOff.finished.has(id)));
    const begun = new Map([...byId].filter(([id]) => !cutOff.finished.has(id)));
    return withRun(
      {
        ...this.spec('resume', prepared.instance, prepared.steps, prepared.asyncServerUrl, options),
        header: { component: prepared.plan.component, settings: prepared.plan.settings, choices: prepared.plan.choices, recovers: cutOff.runId },
      },
      async (run) => {
        // From here this run's journal holds every change, the adopted ones included: it alone is recovered next time.
        appendTo(cutOff.journalFile, { type: 'run.recovered', by: run.runId, action: 'resume' });
        return applyPlan(run, prepared.plan, { finished, begun });
      },
    );
  }

  /**
   * Removes one instance from its record alone (no payload, settings file or plan): the changes its runs made are
   * undone newest first, except those another instance also lists (a shared website, the Retail Salt Utility).
   */
  async uninstall(name: string, options: RunHooks & { secrets: RunSecrets }): Promise<RunReport> {
    const record = findInstance(this.ctx.supportDir, name);
    if (!record) {
      const known = readInstances(this.ctx.supportDir).map((i) => i.name);
      return this.notRun('uninstall', name, 'not-found', `No instance named ${name} is installed on this computer${known.length ? ` (installed: ${known.join(', ')})` : ''}.`, null);
    }
    const shared = new Set(readInstances(this.ctx.supportDir).filter((i) => i.name !== record.name).flatMap((i) => i.operationIds));
    const changes = record.applied;
    const steps = changes.map((c) => ({ id: c.id, kind: String(c.kind), description: shared.has(c.id) ? `Keep ${c.id}: another instance uses it` : `Undo ${c.id}` }));
    const url = this.serverUrl(record.component, record.settings, record.choices.configure);
    return withRun(this.spec('uninstall', record.name, steps, url, options), async (run) => {
      run.log.write('info', `Uninstalling the instance ${record.name} (version ${record.version}, installed ${record.installedAt}) from its record: ${changes.length} recorded changes.`);
      const refusal = refuseUnknownKinds(changes, `Nothing was undone; the instance ${record.name} stays registered for a version that can remove it.`);
      if (refusal) return refusal;
      const toUndo: StepChange[] = [];
      changes.forEach((change, index) => {
        if (!shared.has(change.id)) toUndo.push({ index, change });
        else {
          run.log.write('info', `Kept ${change.id}: another instance uses it.`);
          run.report(index, 'undo', 'skipped');
        }
      });
      const failures = await undoChanges(run, toUndo);
      if (failures.length) {
        return { outcome: 'rollback-failed', message: `The instance ${record.name} could not be removed completely (${failures.join(', ')}); it stays registered. See ${run.log.file}.`, changed: true };
      }
      putInstance(this.ctx.supportDir, record.name, null);
      return { outcome: 'uninstalled', message: `The instance ${record.name} was removed: ${toUndo.length} changes undone.`, changed: true };
    });
  }

  /** The installed instance as recorded, for what uninstalling it needs (a SQL login's password). */
  instance(name: string): InstanceRecord | null {
    return findInstance(this.ctx.supportDir, name);
  }

  /** The URL the component's instance is reached at (Async Server's, what Async Client is given); null when there is none. */
  serverUrl(component: ComponentId | undefined, settings: ComponentSettings, configure: boolean): string | null {
    return engineComponent(component).serverUrl(settings, configure, this.ctx.host.computerName);
  }

  private async describe(plan: Plan): Promise<PlanPreview> {
    const ctx = { host: this.ctx.host, supportDir: this.ctx.supportDir, secrets: {}, signal: new AbortController().signal, log: () => {} };
    const steps: PlanPreview['steps'] = [];
    // A step whose state cannot be read here (a computer that is not Windows) is shown as still to do.
    for (const op of plan.operations) steps.push({ id: op.id, kind: op.kind, description: op.description, details: op.details, done: await op.isDone(ctx).catch(() => false) });
    const configuration = plan.operations.find(isAppConfigOperation)?.configuration ?? null;
    return { instance: plan.instanceName, choices: plan.choices, notes: plan.notes, steps, configuration };
  }

  private spec(kind: RunKind, instance: string, steps: RunSpec['steps'], asyncServerUrl: string | null, options: RunHooks & { secrets: RunSecrets }): RunSpec {
    return {
      kind,
      instance,
      steps,
      asyncServerUrl,
      host: this.ctx.host,
      supportDir: this.ctx.supportDir,
      secrets: options.secrets,
      runId: options.runId,
      signal: options.signal,
      onStart: options.onStart,
      onProgress: options.onProgress,
      onLog: options.onLog,
    };
  }

  /** A refusal before any run started: no lock was taken and nothing was written. */
  private notRun(kind: RunKind, instance: string, outcome: RunOutcome, message: string, asyncServerUrl: string | null): RunReport {
    return { runId: '', kind, instance, outcome, message, changed: false, asyncServerUrl, steps: [] as RunStep[], logFile: '', journalFile: '' };
  }
}

/** Whether the password of the instance's account is given (the app pool user's, or the Windows service's). */
function passwordGiven(secrets: RunSecrets): boolean {
  return Boolean(secrets.appPoolPassword ?? secrets.servicePassword);
}

function interruptedMessage(run: InterruptedRun): string {
  return `An installation of ${run.instance} (run ${run.runId}, started ${run.startedAt}) was interrupted before it finished: roll it back or resume it first.`;
}

