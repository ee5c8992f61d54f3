import { expandSettings } from '../../../shared/settings/expand';
import type { Settings } from '../../../shared/settings/parameters';
import type { Host } from '../hosts/host';
import { bindingPort } from '../hosts/machine/binding-port';
import { findInstance, readInstances, type InstanceRecord } from '../instances/registry';

/** Add or modify components: the installed instance the validation is for, as the registry knows it. */
export interface ModifiedInstance {
  record: InstanceRecord;
  /** Its settings expanded for this computer. */
  expanded: Settings;
}

export class UnknownInstanceError extends Error {}

export async function loadModifiedInstance(host: Host, supportDir: string, name: string): Promise<ModifiedInstance> {
  const record = findInstance(supportDir, name);
  if (!record) {
    const known = readInstances(supportDir).map((i) => i.name);
    throw new UnknownInstanceError(
      `No installed instance is named ${name}: ${known.length > 0 ? `the instances on this computer are ${known.join(', ')}` : 'no Async Server instance is installed on this computer'}.`,
    );
  }
  return { record, expanded: expandSettings(record.settings, await host.environment()).expanded };
}

/**
 * The ports the instance's own website binds (read from IIS, not from its record: what really holds them), when the
 * settings being validated keep that website. A site the instance did not configure (files only) is not its own.
 */
export async function ownSitePorts(host: Host, instance: ModifiedInstance, mine: Settings): Promise<{ site: string; ports: Set<number>; keptSite: boolean } | null> {
  if (!instance.record.choices.configure) return null;
  const site = instance.expanded.WebSiteName.trim();
  const state = await host.machine.readSite(site);
  if (!state) return null;
  const ports = new Set(state.bindings.map(bindingPort).filter((p): p is number => p !== null));
  return { site: state.name, ports, keptSite: site.toLowerCase() === mine.WebSiteName.trim().toLowerCase() };
}
