import type { ComponentId } from '../../shared/components/ids';
import type { WizardPage } from '../wizard/page';

/**
 * What a component contributes to the wizard (its browser-safe definition, shared/components/, gives the title and
 * the parameters): the frame lays these pages out between the first Prerequisite validation results page and the
 * second, in the registry's order, shown only when the component is chosen on Select components.
 */
export interface ComponentWizard {
  id: ComponentId;
  /** Select components: what the check box's description says of it. */
  description: string;
  /** Ready to install's Components row: what installing it puts on the computer. */
  installs: string;
  /** Its pages, in Setup's order. */
  pages: readonly WizardPage[];
  /** Finish: the guide's tasks after it is installed, shown as a checklist. */
  afterInstallTasks: readonly string[];
}
