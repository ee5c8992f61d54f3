import type { ComponentId } from '../../../shared/components/ids';
import { asyncClientComponent } from './async-client/component';
import { asyncServerComponent } from './async-server/component';
import type { EngineComponent } from './component';

/**
 * The engine's one list of components. The frame (install service, executor, undo registry, hosts) reaches a
 * component only through here; scripts/layering.ts refuses a direct import of a component's folder.
 */
const COMPONENTS: readonly EngineComponent[] = [asyncServerComponent, asyncClientComponent];

export function engineComponents(): readonly EngineComponent[] {
  return COMPONENTS;
}

/** The component of an id; a record or a request without one is of Async Server, the only component before there were two. */
export function engineComponent(id: ComponentId | undefined): EngineComponent {
  const wanted = id ?? 'async-server';
  const found = COMPONENTS.find((c) => c.definition.id === wanted);
  if (!found) throw new Error(`No component ${wanted} is registered.`);
  return found;
}
