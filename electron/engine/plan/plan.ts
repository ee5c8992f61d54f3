import type { SetupChoices } from '../../../shared/contract/schemas';
import type { ComponentId } from '../../../shared/components/ids';
import type { ComponentSettings } from '../../../shared/components/component';
import type { LoadedPayload } from '../payload/manifest';
import type { Operation, RecordedChange } from './operation';

export type PlanChoices = Pick<SetupChoices, 'configure' | 'components' | 'database' | 'streaming'>;

export interface PlanInput {
  /** The component this instance is of; older callers and records mean Async Server. */
  component?: ComponentId;
  settings: ComponentSettings;
  choices: PlanChoices;
  /** Whether the password of the component's account will be given (its value never comes here). */
  passwordProvided: boolean;
}

/** What a component's planner gives the frame: its operations, and what its instance record keeps. */
export interface ComponentPlan {
  instanceName: string;
  /** As entered (normalized), for the journal and the registry. */
  settings: ComponentSettings;
  expanded: ComponentSettings;
  payload: LoadedPayload;
  operations: Operation[];
  /** Sentences for the reader of the plan that are not operations (where the payload comes from…). */
  notes: string[];
  version: string;
  database: { server: string; name: string };
}

export interface Plan extends ComponentPlan {
  component: ComponentId;
  choices: PlanChoices;
  supportDir: string;
  /** Filled by the executor with what the run changed; the instance record is written from it. */
  applied: RecordedChange[];
}

export class PlanError extends Error {
  constructor(
    message: string,
    readonly kind: 'bad-input' | 'conflict',
    readonly field?: string,
  ) {
    super(message);
  }
}
