import type { ComponentId, DatabaseChoice } from '../../../shared/contract/schemas';
import { REPORT_SCHEMA, REPORT_SCHEMA_VERSION, summarize, type CheckResult, type ValidationReport, type ValidationStage } from '../../../shared/prerequisites/report';
import { expandSettings } from '../../../shared/settings/expand';
import { DEFAULT_DATABASE_CHOICE } from '../../../shared/settings/install-defaults';
import { normalizeSettings } from '../../../shared/components/async-server/rules';
import { asSettings } from '../../../shared/components/async-server/parameters';
import type { ComponentSettings } from '../../../shared/components/component';
import type { Host } from '../hosts/host';
import { loadPayload, type LoadedPayload } from '../payload/manifest';
import type { RunSecrets } from '../plan/operation';
import type { CheckContext, PrerequisiteCheck } from './check';
import { ALL_CHECKS } from './checks/index';
import { loadModifiedInstance, type ModifiedInstance } from './modified-instance';
import { runChecks, type RunOptions } from './run-checks';
import type { SqlPrerequisiteProbe } from './sql-capability';
import { sqlProbeFor } from './sql-probe-for';

export interface ValidationRequest {
  stage: ValidationStage;
  components: ComponentId[];
  /** Async Server's parameters (the frame's checks are its); a parameter missing takes its default. */
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
  /** Tests and the benchmark swap in their own checks; every check otherwise. */
  checks?: PrerequisiteCheck[];
  /** The Setup support files folder, whose registry names the instance of `request.instance`. */
  supportDir?: string;
}

/** One validation run: the checks that concern the components, side by side, and the report of what they found. */
export async function validatePrerequisites(request: ValidationRequest, options: ValidationOptions): Promise<ValidationReport> {
  const time = new Date();
  const started = performance.now();
  const { host } = options;
  const settings = normalizeSettings(asSettings(request.settings));
  const { expanded } = expandSettings(settings, await host.environment());
  const modifying = await modifiedInstance(request, options);
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
    sql: options.sql ?? sqlProbeFor(host, options.secrets),
    computer: once(() => host.facts.computer()),
    payload: once(() => payloadOf(host, expanded.WebApplicationServiceBinarySourceFolder)),
  };
  const checks = (options.checks ?? ALL_CHECKS).filter((c) => c.components.some((id) => request.components.includes(id)));
  const results: CheckResult[] = await runChecks(checks, ctx, options);
  return {
    schema: REPORT_SCHEMA,
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'cdx-setup', version: options.toolVersion },
    time: time.toISOString(),
    computer: { name: host.computerName, hostKind: host.kind, description: host.description, rehearsalScenario: host.rehearsal?.scenario ?? null },
    stage: request.stage,
    components: request.components,
    settings,
    secrets: { AppPoolPassword: request.passwordProvided || Boolean(options.secrets?.appPoolPassword) ? 'entered (not shown)' : 'not entered' },
    configure: request.configure,
    summary: summarize(results, Math.round(performance.now() - started)),
    results,
  };
}

async function modifiedInstance(request: ValidationRequest, options: ValidationOptions): Promise<ModifiedInstance | null> {
  if (!request.instance) return null;
  if (!options.supportDir) throw new Error('validatePrerequisites: an instance to modify needs the support files folder (supportDir).');
  return loadModifiedInstance(options.host, options.supportDir, request.instance);
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= make());
}

async function payloadOf(host: Host, folder: string): Promise<LoadedPayload | Error | null> {
  if (folder.trim() === '') return null;
  try {
    return await loadPayload(host.realPath(folder.trim()));
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

