import type { ComponentSettings } from '../../../shared/components/component';
import { expandSettings } from '../../../shared/settings/expand';
import type { Host } from '../hosts/host';
import { bindingPort } from '../hosts/machine/binding-port';
import { findInstance, readInstances, type InstanceRecord } from '../instances/registry';

/** Add or modify components: the installed instance the validation is for, as the registry knows it. */
export interface ModifiedInstance {
  record: InstanceRecord;
  /** Its settings expanded for this computer, read as its component's checks read settings. */
  expanded: ComponentSettings;
}

export class UnknownInstanceError extends Error {}

export async function loadModifiedInstance(host: Host, supportDir: string, name: string, settingsOf: (raw: ComponentSettings) => ComponentSettings): Promise<ModifiedInstance> {
  const record = findInstance(supportDir, name);
  if (!record) {
    const known = readInstances(supportDir).map((i) => i.name);
    throw new UnknownInstanceError(
      `No installed instance is named ${name}: ${known.length > 0 ? `the instances on this computer are ${known.join(', ')}` : 'no instance is installed on this computer'}.`,
    );
  }
  return { record, expanded: expandSettings(settingsOf(record.settings), await host.environment()).expanded };
}

/** The ports IIS holds for a website: every binding of it. */
export interface SitePorts {
  site: string;
  ports: Set<number>;
}

/**
 * The website's ports as IIS has them (not as a record says: what really holds them); null when there is no such
 * website, or IIS cannot be read (then nothing is excused: a port in use stays in use).
 */
export async function sitePorts(host: Host, name: string): Promise<SitePorts | null> {
  if (host.kind === 'unsupported' || name.trim() === '') return null;
  const state = await host.machine.readSite(name.trim()).catch(() => null);
  if (!state) return null;
  return { site: state.name, ports: new Set(state.bindings.map(bindingPort).filter((p): p is number => p !== null)) };
}
