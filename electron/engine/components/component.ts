import type { ComponentDefinition, ComponentSettings } from '../../../shared/components/component';
import type { ValidationReport } from '../../../shared/prerequisites/report';
import type { MessageDatabaseSpec } from '../database/sql-access';
import type { Host } from '../hosts/host';
import type { InstanceRecord } from '../instances/registry';
import type { RunSecrets, UndoKind } from '../plan/operation';
import type { ComponentPlan, PlanChoices, PlanInput } from '../plan/plan';
import type { ComponentChecks } from '../prerequisites/check';

/** Another instance of the same component, as its record and expanded settings give it. */
export interface OtherInstance {
  record: Pick<InstanceRecord, 'name' | 'choices'>;
  expanded: ComponentSettings;
}

/** One instance a topology file gives a computer: the topology's line and the settings file's values (defaults filled in). */
export interface TopologyInstance {
  line: number;
  computer: string;
  settings: ComponentSettings;
}

/** Why a topology's instance cannot be installed beside an earlier one: on its line, naming its parameter. */
export interface TopologyClash {
  line: number;
  key: string;
  message: string;
}

export interface ComponentGateInput {
  host: Host;
  toolVersion: string;
  supportDir: string;
  instanceName: string;
  settings: ComponentSettings;
  choices: PlanChoices;
  secrets: RunSecrets;
  /** Installing again over an installed instance of this name (a modify). */
  modifies: boolean;
}

/**
 * The engine's half of a component (the browser-safe half is its ComponentDefinition): its plan, what stops it from
 * being installed beside other instances, the undo of its own kinds of operation, its prerequisite checks and what
 * Finish and `--json` say of an installed instance. The frame (install service, executor, hosts) asks only this.
 */
export interface EngineComponent {
  definition: ComponentDefinition;
  plan(host: Host, input: PlanInput & { supportDir: string }): Promise<ComponentPlan>;
  /** Why these (expanded) settings cannot be installed beside the other instances of this component, or []. */
  collisions(mine: ComponentSettings, configure: boolean, others: OtherInstance[]): string[];
  /**
   * What keeps this component's instances that a topology file gives one computer from all being installed there,
   * read from their settings files before anything is planned; absent when its plan's collisions are all it needs
   * (the topology's instances are previewed one after the other before any is installed).
   */
  topologyClashes?(instances: readonly TopologyInstance[]): TopologyClash[];
  /** The undo of the kinds of operation only this component's plans have. */
  undoKinds: readonly UndoKind[];
  /** The prerequisite validation that gates an installation, before its first change. */
  prerequisites(input: ComponentGateInput): Promise<ValidationReport>;
  /**
   * Its checks that the frame's runner runs (pages 5 and 8, `validate`, `--skip-check`), with the frame's checks of
   * the computer among them in its order, and how its settings are read for them; absent when it has none.
   */
  checks?: ComponentChecks;
  /**
   * Its checks of the choices that its own gate runs rather than the frame's runner, for the wizard's second
   * Prerequisite validation results page (and a database page's Test connection); absent when it has none.
   */
  pageChecks?(input: ComponentGateInput): Promise<ValidationReport>;
  /** Its message database as its expanded settings name it: what Test connection and the SQL Server check reach. */
  messageDatabase?(expanded: ComponentSettings, computerName: string): MessageDatabaseSpec;
  /** The URL other computers use to reach the instance (Async Server's, for Async Client); null when there is none. */
  serverUrl(settings: ComponentSettings, configure: boolean, computerName: string): string | null;
  /** What Finish shows of an installed instance besides the frame's outcome and log, read from the computer now. */
  summary(host: Host, record: Pick<InstanceRecord, 'name' | 'settings' | 'choices'>): Promise<SummaryRow[]>;
}

export interface SummaryRow {
  label: string;
  value: string;
}
