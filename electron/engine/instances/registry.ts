import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SetupChoices } from '../../../shared/contract/schemas';
import type { ComponentSettings } from '../../../shared/components/component';
import type { ComponentId } from '../../../shared/components/ids';
import type { RecordedChange } from '../plan/operation';

/** One installed instance of a component: its settings as entered (no password ever), version and database. */
export interface InstanceRecord {
  name: string;
  /** Absent in records written before there were two components: those are Async Server's. */
  component?: ComponentId;
  version: string;
  installedAt: string;
  settings: ComponentSettings;
  choices: Pick<SetupChoices, 'configure' | 'components' | 'database' | 'streaming'>;
  database: { server: string; name: string };
  /** Every operation of its plan: an operation another instance also lists is shared and stays on uninstall. */
  operationIds: string[];
  /**
   * What its runs changed (not what was already there), oldest first, each with its kind, target and the state
   * before: uninstall undoes them from this alone, in reverse.
   */
  applied: RecordedChange[];
}

const FILE = 'instances.json';

export function registryFile(supportDir: string): string {
  return path.join(supportDir, FILE);
}

export function readInstances(supportDir: string): InstanceRecord[] {
  const file = registryFile(supportDir);
  if (!existsSync(file)) return [];
  const data = JSON.parse(readFileSync(file, 'utf8')) as { instances?: InstanceRecord[] };
  return data.instances ?? [];
}

export function findInstance(supportDir: string, name: string): InstanceRecord | null {
  return readInstances(supportDir).find((i) => i.name.toLowerCase() === name.toLowerCase()) ?? null;
}

/** Replaces (or with null removes) one record; the file disappears with its last record. */
export function putInstance(supportDir: string, name: string, record: InstanceRecord | null): void {
  const others = readInstances(supportDir).filter((i) => i.name.toLowerCase() !== name.toLowerCase());
  const all = record ? [...others, record].sort((a, b) => a.name.localeCompare(b.name)) : others;
  const file = registryFile(supportDir);
  if (all.length === 0) {
    // An empty registry is no registry: the support folder reads as before the first install.
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(supportDir, { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify({ instances: all }, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
