import type { WizardDriver } from '../driver';
import type { Entries } from '../entries';

/** One wizard page as the tests know it: its heading, how to fill it, how to leave it forward. */
export interface PageObject {
  /** The renderer's page id (renderer/pages/*.tsx). */
  id: string;
  /** Setup's page name, the h1 the wizard shows. */
  heading: string;
  /** The labels of its fields and choices, as the page shows them (tests find controls by them). */
  labels?: Readonly<Record<string, string>>;
  /** Enters the given values (valid ones by default) without leaving the page. */
  fill(w: WizardDriver, entries: Entries): Promise<void>;
  /** Leaves the page forward; when absent, fill then Next. */
  pass?(w: WizardDriver, entries: Entries): Promise<void>;
}
