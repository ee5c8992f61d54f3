import type { ComponentId, DatabaseChoice, HostKind } from '../../../shared/contract/schemas';
import type { CheckStatus, ValidationStage } from '../../../shared/prerequisites/report';
import type { ComponentSettings } from '../../../shared/components/component';
import type { ComputerFacts } from '../hosts/facts';
import type { Host } from '../hosts/host';
import type { ModifiedInstance } from './modified-instance';
import type { SqlPrerequisiteProbe } from './sql-capability';

export interface CheckOutcome {
  status: CheckStatus;
  details: string;
  /** The fix in plain words; '' when nothing needs doing. */
  fix: string;
}

/**
 * What a check may use. Facts are asked once per run and shared, whatever the number of checks that need them.
 * `S` is the settings of the component whose choices the run judges, as its `ComponentChecks.settings` gives them.
 */
export interface CheckContext<S extends ComponentSettings = ComponentSettings> {
  readonly host: Host;
  readonly stage: ValidationStage;
  readonly components: ComponentId[];
  /** The settings as entered, and expanded ([Tokens], %VAR%) for the target computer. */
  readonly settings: S;
  readonly expanded: S;
  readonly configure: boolean;
  readonly database: DatabaseChoice;
  readonly sql: SqlPrerequisiteProbe;
  /** Add or modify components: the installed instance being changed, whose own state is not in its way; else null. */
  readonly modifying: ModifiedInstance | null;
  /** The app pool user's password, for the one check that signs in with it; never reported or logged. */
  readonly appPoolPassword: string | undefined;
  computer(): Promise<ComputerFacts | null>;
  /** A fact several of a component's checks need (its payload), asked once per run: the first asker's `make` runs. */
  once<T>(key: string, make: () => Promise<T>): Promise<T>;
}

export interface PrerequisiteCheck<S extends ComponentSettings = ComponentSettings> {
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
  run(ctx: CheckContext<S>): Promise<CheckOutcome>;
}

/**
 * A component's checks that the frame's runner runs (its registry entry gives them), and how its settings are read
 * for them. The list and `settings` come together, from the component, so its checks read the settings they expect.
 */
export interface ComponentChecks {
  /** In the order its reports list them; the frame's checks of the computer it needs are among them. */
  list: readonly PrerequisiteCheck[];
  /** Its parameters out of a request's or an installed instance's: every one present (a default when missing), normalized. */
  settings(raw: Readonly<ComponentSettings>): ComponentSettings;
}

export const passed = (details: string): CheckOutcome => ({ status: 'passed', details, fix: '' });
export const warning = (details: string, fix: string): CheckOutcome => ({ status: 'warning', details, fix });
export const error = (details: string, fix: string): CheckOutcome => ({ status: 'error', details, fix });
export const notApplicable = (details: string): CheckOutcome => ({ status: 'not-applicable', details, fix: '' });

/** Windows-only facts: a rehearsal simulates them; a computer that is not Windows has none. */
export const WINDOWS_HOSTS: HostKind[] = ['windows', 'rehearsal'];
export const ALL_HOSTS: HostKind[] = ['windows', 'rehearsal', 'unsupported'];

/** The computer's facts, or the outcome to report when there are none. */
export async function computerFacts(ctx: CheckContext): Promise<ComputerFacts> {
  const facts = await ctx.computer();
  if (!facts) throw new Error('This computer is not Windows: it has no Windows facts to check.');
  return facts;
}
