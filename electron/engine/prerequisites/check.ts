import type { ComponentId, DatabaseChoice, HostKind } from '../../../shared/contract/schemas';
import type { CheckStatus, ValidationStage } from '../../../shared/prerequisites/report';
import type { Settings } from '../../../shared/components/async-server/parameters';
import type { ComputerFacts } from '../hosts/facts';
import type { Host } from '../hosts/host';
import type { LoadedPayload } from '../payload/manifest';
import type { ModifiedInstance } from './modified-instance';
import type { SqlPrerequisiteProbe } from './sql-capability';

export interface CheckOutcome {
  status: CheckStatus;
  details: string;
  /** The fix in plain words; '' when nothing needs doing. */
  fix: string;
}

/** What a check may use. Facts are asked once per run and shared, whatever the number of checks that need them. */
export interface CheckContext {
  readonly host: Host;
  readonly stage: ValidationStage;
  readonly components: ComponentId[];
  /** The settings as entered, and expanded ([Tokens], %VAR%) for the target computer. */
  readonly settings: Settings;
  readonly expanded: Settings;
  readonly configure: boolean;
  readonly database: DatabaseChoice;
  readonly sql: SqlPrerequisiteProbe;
  /** Add or modify components: the installed instance being changed, whose own state is not in its way; else null. */
  readonly modifying: ModifiedInstance | null;
  /** The app pool user's password, for the one check that signs in with it; never reported or logged. */
  readonly appPoolPassword: string | undefined;
  computer(): Promise<ComputerFacts | null>;
  /** The payload of WebApplicationServiceBinarySourceFolder; null when none is set, an Error when it is invalid. */
  payload(): Promise<LoadedPayload | Error | null>;
}

export interface PrerequisiteCheck {
  id: string;
  title: string;
  /** The components it concerns: a run for other components leaves it out. */
  components: ComponentId[];
  /** The hosts it can check; on others it is reported as not applicable, saying why. */
  hosts: HostKind[];
  /** Its own time limit; the runner's default otherwise. */
  timeoutMs?: number;
  /**
   * The install's prerequisite gate may be told to skip it (`--skip-check ID`): an admin may know better, because its
   * failure does not make the installation fail for certain. A check whose failure does is never skippable.
   */
  skippable?: true;
  run(ctx: CheckContext): Promise<CheckOutcome>;
}

export const passed = (details: string): CheckOutcome => ({ status: 'passed', details, fix: '' });
export const warning = (details: string, fix: string): CheckOutcome => ({ status: 'warning', details, fix });
export const error = (details: string, fix: string): CheckOutcome => ({ status: 'error', details, fix });
export const notApplicable = (details: string): CheckOutcome => ({ status: 'not-applicable', details, fix: '' });

/** Windows-only facts: a rehearsal simulates them; a computer that is not Windows has none. */
export const WINDOWS_HOSTS: HostKind[] = ['windows', 'rehearsal'];
export const ALL_HOSTS: HostKind[] = ['windows', 'rehearsal', 'unsupported'];

/** Checks of what Setup configures (IIS, ports, certificate, accounts, SQL) do not apply when only files are placed. */
export function filesOnly(ctx: CheckContext): CheckOutcome | null {
  return ctx.configure ? null : notApplicable('Configure Async Server by using Setup is cleared: only the application files are installed.');
}

/** The computer's facts, or the outcome to report when there are none. */
export async function computerFacts(ctx: CheckContext): Promise<ComputerFacts> {
  const facts = await ctx.computer();
  if (!facts) throw new Error('This computer is not Windows: it has no Windows facts to check.');
  return facts;
}
