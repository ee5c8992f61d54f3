import { expandSettings } from '../../../shared/settings/expand';
import { engineComponent } from '../components/registry';
import type { Host } from '../hosts/host';
import { readInstances } from '../instances/registry';
import type { RecordedChange } from './operation';
import { instanceRecordOperation } from './operations/instance-record';
import { programsEntryKey, programsEntryOperation } from './operations/programs-entry';
import { PlanError, type Plan, type PlanInput } from './plan';

export { PlanError, type Plan, type PlanChoices, type PlanInput } from './plan';

/**
 * Settings and choices → the ordered operations of one instance's installation: the component plans its part; the
 * frame refuses what would clash with the instances already recorded, adds the instance's Programs and Features
 * entry, and records the instance last. Nothing on the
 * computer is changed here.
 */
export async function buildPlan(host: Host, supportDir: string, input: PlanInput): Promise<Plan> {
  const component = engineComponent(input.component);
  const id = component.definition.id;
  const part = await component.plan(host, { ...input, supportDir });
  const name = part.instanceName;
  const recorded = readInstances(supportDir).filter((r) => r.name.toLowerCase() !== name.toLowerCase());
  const taken = readInstances(supportDir).find((r) => r.name.toLowerCase() === name.toLowerCase() && (r.component ?? 'async-server') !== id);
  if (taken) {
    throw new PlanError(`An instance named ${taken.name} of ${engineComponent(taken.component).definition.title} is installed on this computer already: give this one another name.`, 'conflict');
  }
  const environment = await host.environment();
  const others = recorded
    .filter((r) => (r.component ?? 'async-server') === id)
    .map((record) => ({ record, expanded: expandSettings(component.definition.normalize(record.settings), environment).expanded }));
  const clashes = component.collisions(part.expanded, input.choices.configure, others);
  if (clashes.length) throw new PlanError(clashes.join(' '), 'conflict');

  const ops = [...part.operations];
  // Every instance shows in Programs and Features. Its uninstall string finds cdx-setup in the installed product's
  // folder (set when it runs from there), else in the installer's default folder on the target computer.
  const installDir = (host.kind === 'windows' && process.env.CDX_SETUP_INSTALL_DIR) || `${environment.ProgramFiles ?? 'C:\\Program Files'}\\CDX Setup`;
  const uninstall = `"${installDir}\\bin\\cdx-setup.cmd" uninstall --instance "${name}"`;
  ops.push(
    programsEntryOperation(
      {
        key: programsEntryKey(id, name),
        displayName: `Commerce Data Exchange: ${component.definition.title} (${name})`,
        displayVersion: part.version,
        publisher: 'CDX Setup',
        uninstallString: uninstall,
        quietUninstallString: uninstall,
      },
      new Date().toISOString().slice(0, 10).replace(/-/g, ''),
    ),
  );
  const applied: RecordedChange[] = [];
  const operationIds = [...ops.map((o) => o.id), `instance:${name}`];
  ops.push(
    instanceRecordOperation(
      supportDir,
      { name, component: id, version: part.version, settings: part.settings, choices: input.choices, database: part.database, operationIds },
      applied,
    ),
  );
  const ids = new Set<string>();
  for (const op of ops) {
    if (ids.has(op.id)) throw new PlanError(`Two steps of the plan would change the same thing (${op.id}); check the folders and names.`, 'bad-input');
    ids.add(op.id);
  }
  return { ...part, component: id, operations: ops, choices: input.choices, supportDir, applied };
}
