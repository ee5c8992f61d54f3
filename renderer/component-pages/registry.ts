import type { ComponentId } from '../../shared/components/ids';
import { asyncClientWizard } from './async-client/wizard';
import { asyncServerWizard } from './async-server/wizard';
import type { ComponentWizard } from './component-wizard';

/**
 * The renderer's one list of components, in Setup's order (as shared/components/registry.ts): the wizard frame
 * reaches a component's pages, its Select components text and its Finish tasks only through here
 * (scripts/layering.ts refuses a direct import of a component's folder).
 */
const WIZARDS: readonly ComponentWizard[] = [asyncServerWizard, asyncClientWizard];

export function componentWizards(): readonly ComponentWizard[] {
  return WIZARDS;
}

export function componentWizard(id: ComponentId): ComponentWizard {
  const found = WIZARDS.find((w) => w.id === id);
  if (!found) throw new Error(`No component ${id} has wizard pages.`);
  return found;
}
