import { asyncClientDefinition } from './async-client/definition';
import { asyncServerDefinition } from './async-server/definition';
import type { ComponentDefinition } from './component';
import type { ComponentId } from './ids';

/**
 * The one list of components, browser-safe: everything outside a component's own folders reaches it through here
 * (scripts/layering.ts refuses a direct import). The engine's half is electron/engine/components/registry.ts.
 */
const DEFINITIONS: readonly ComponentDefinition[] = [asyncServerDefinition, asyncClientDefinition];

export function componentDefinitions(): readonly ComponentDefinition[] {
  return DEFINITIONS;
}

export function componentDefinition(id: ComponentId): ComponentDefinition {
  const found = DEFINITIONS.find((d) => d.id === id);
  if (!found) throw new Error(`No component ${id} is registered.`);
  return found;
}
