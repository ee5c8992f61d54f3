import type { ComponentId } from '../../../shared/contract/schemas';
import { REPORT_SCHEMA, REPORT_SCHEMA_VERSION, summarize, type CheckResult, type ValidationReport, type ValidationStage } from '../../../shared/prerequisites/report';
import type { Host } from '../hosts/host';

/** What a validation found, and where and how it ran: the rest of the report is the same for every runner. */
export interface ValidationRun {
  host: Host;
  toolVersion: string;
  /** When it started: `time` the clock's, `started` performance.now()'s, for the duration. */
  time: Date;
  started: number;
  stage: ValidationStage;
  components: ComponentId[];
  settings: Record<string, string>;
  /** Whether the account's password was entered (the report's `secrets` never holds one). */
  passwordEntered: boolean;
  configure: boolean;
  results: CheckResult[];
}

/** The report of one run of prerequisite checks, as the wizard, the CLI and a support bundle read it. */
export function validationReport(run: ValidationRun): ValidationReport {
  const { host } = run;
  return {
    schema: REPORT_SCHEMA,
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'cdx-setup', version: run.toolVersion },
    time: run.time.toISOString(),
    computer: { name: host.computerName, hostKind: host.kind, description: host.description, rehearsalScenario: host.rehearsal?.scenario ?? null },
    stage: run.stage,
    components: run.components,
    settings: run.settings,
    secrets: { AppPoolPassword: run.passwordEntered ? 'entered (not shown)' : 'not entered' },
    configure: run.configure,
    summary: summarize(run.results, Math.round(performance.now() - run.started)),
    results: run.results,
  };
}
