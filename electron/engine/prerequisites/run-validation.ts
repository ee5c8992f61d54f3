import type { ComponentId, DatabaseChoice } from '../../../shared/contract/schemas';
import type { ComponentSettings } from '../../../shared/components/component';
import type { CheckResult, ValidationReport, ValidationStage } from '../../../shared/prerequisites/report';
import { expandSettings } from '../../../shared/settings/expand';
import { DEFAULT_DATABASE_CHOICE } from '../../../shared/settings/install-defaults';
import type { MessageDatabaseSpec } from '../database/sql-access';
import type { Host } from '../hosts/host';
import type { RunSecrets } from '../plan/operation';
import type { CheckContext, ComponentChecks, PrerequisiteCheck } from './check';
import { loadModifiedInstance, type ModifiedInstance } from './modified-instance';
import { runChecks, type RunOptions } from './run-checks';
import type { SqlPrerequisiteProbe } from './sql-capability';
import { sqlProbeFor } from './sql-probe-for';
import { validationReport } from './validation-report';

export interface ValidationRequest {
  stage: ValidationStage;
  components: ComponentId[];
  /** The parameters of the component whose choices are judged (by name); a parameter missing takes its default. */
  settings: ComponentSettings;
  configure: boolean;
  passwordProvided: boolean;
  database?: DatabaseChoice;
  /** Add or modify components: the installed instance being changed (its registry name). */
  instance?: string;
}

export interface ValidationOptions extends RunOptions {
  host: Host;
  toolVersion: string;
  /** The SQL Server check's probe; the host's SQL Servers, signed in with `secrets`, when absent. */
  sql?: SqlPrerequisiteProbe;
  /** The SQL login's password (SQL Server check) and the app pool user's (its password check); neither is reported. */
  secrets?: RunSecrets;
  /** The Setup support files folder, whose registry names the instance of `request.instance`. */
  supportDir?: string;
}

/**
 * The component whose choices a run judges, as its registry entry gives it: its checks and how its settings are
 * read, and its message database (for the SQL Server check's probe). Null when only the computer is checked.
 */
export interface JudgedComponent {
  checks: ComponentChecks;
  messageDatabase?(expanded: ComponentSettings, computerName: string): MessageDatabaseSpec;
}

/**
 * One validation run of the checks given: those that concern the request's components, side by side, and the report
 * of what they found. The frame's runner: it knows no component, only what `judged` says of one.
 */
export async function runValidation(request: ValidationRequest, options: ValidationOptions & { checks: readonly PrerequisiteCheck[]; judged: JudgedComponent | null }): Promise<ValidationReport> {
  const time = new Date();
  const started = performance.now();
  const { host, judged } = options;
  const settingsOf = (raw: ComponentSettings) => judged?.checks.settings(raw) ?? {};
  const settings = settingsOf(request.settings);
  const { expanded } = expandSettings(settings, await host.environment());
  const modifying = await modifiedInstance(request, options, settingsOf);
  const facts = new Map<string, Promise<unknown>>();
  const ctx: CheckContext = {
    host,
    stage: request.stage,
    components: request.components,
    settings,
    expanded,
    configure: request.configure,
    // Before Select a database… is reached: the wizard's own defaults.
    database: request.database ?? DEFAULT_DATABASE_CHOICE,
    modifying,
    appPoolPassword: options.secrets?.appPoolPassword || undefined,
    sql: options.sql ?? sqlProbeFor(host, options.secrets ?? {}, messageDatabaseOf(judged)),
    computer: once(() => host.facts.computer()),
    once<T>(key: string, make: () => Promise<T>) {
      if (!facts.has(key)) facts.set(key, make());
      return facts.get(key) as Promise<T>;
    },
  };
  const checks = options.checks.filter((c) => c.components.some((id) => request.components.includes(id)));
  const results: CheckResult[] = await runChecks(checks, ctx, options);
  return validationReport({
    host,
    toolVersion: options.toolVersion,
    time,
    started,
    stage: request.stage,
    components: request.components,
    settings,
    passwordEntered: request.passwordProvided || Boolean(options.secrets?.appPoolPassword),
    configure: request.configure,
    results,
  });
}

function messageDatabaseOf(judged: JudgedComponent | null): (expanded: ComponentSettings, computerName: string) => MessageDatabaseSpec {
  return (expanded, computerName) => {
    if (!judged?.messageDatabase) throw new Error('The components chosen have no message database for the SQL Server check to reach.');
    return judged.messageDatabase(expanded, computerName);
  };
}

async function modifiedInstance(request: ValidationRequest, options: ValidationOptions, settingsOf: (raw: ComponentSettings) => ComponentSettings): Promise<ModifiedInstance | null> {
  if (!request.instance) return null;
  if (!options.supportDir) throw new Error('validatePrerequisites: an instance to modify needs the support files folder (supportDir).');
  return loadModifiedInstance(options.host, options.supportDir, request.instance, settingsOf);
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= make());
}
