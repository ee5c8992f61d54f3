import path from 'node:path';
import { formatProblem, hasErrorProblems } from '../../shared/settings/file-problem';
import type { Settings } from '../../shared/settings/parameters';
import type { Host } from '../engine/hosts/host';
import { collisions } from '../engine/instances/collisions';
import { buildPlan, PlanError, type Plan, type PlanChoices } from '../engine/plan/build-plan';
import { loadTopology, selectForComputer } from '../engine/settings-files/topology';
import { optionalString, UsageError, type ParsedArgs } from './args';
import { cliChoices, refuseSettingsWithTopology, reportProblems, settingsFromFile, topologyFile } from './install-input';
import type { CliIo } from './io';

/** One instance to plan or deploy: its settings file, and the settings and choices read from it. */
export interface InstallTarget {
  file: string;
  settings: Settings;
  choices: PlanChoices;
}

/**
 * `--settings FILE` gives one instance; `--topology FILE` gives the instances the topology lists for this computer,
 * in the topology's order. Any error in the topology, in a selected settings file, or between two selected
 * instances refuses the whole selection (exit 2) before anything is installed.
 */
export async function installTargets(io: CliIo, args: ParsedArgs, host: Host): Promise<InstallTarget[]> {
  const filesOnly = args.options['files-only'] === true;
  refuseSettingsWithTopology(args.options.settings, args.options.topology);
  const topology = topologyFile(io, optionalString(args.options.topology));
  if (!topology) {
    const loaded = await settingsFromFile(io, optionalString(args.options.settings));
    return [{ file: loaded.file, settings: loaded.settings, choices: cliChoices(loaded.choices, filesOnly) }];
  }
  const read = await loadTopology(topology);
  const selection = selectForComputer(read, host.computerName);
  io.err(selection.message);
  if (hasErrorProblems(selection.problems)) {
    throw new UsageError(`The topology ${topology} was refused; nothing was installed.\n${selection.problems.map(formatProblem).join('\n')}`);
  }
  reportProblems(io, read.problems);
  const warned = new Set<string>();
  for (const entry of selection.entries) {
    if (warned.has(entry.settingsFile)) continue;
    warned.add(entry.settingsFile);
    reportProblems(io, entry.loaded.problems);
  }
  return selection.entries.map((e) => ({ file: e.settingsFile, settings: e.loaded.settings, choices: cliChoices(e.loaded.choices, filesOnly) }));
}

/**
 * The plan of each target, checked against the targets before it as if they were installed already (the same
 * folder, an app pool with another user, a shared website on other ports): the topology's own check does not see
 * these, and finding them only once the first instances are installed would leave the run half done.
 */
export async function plansFor(host: Host, supportDir: string, targets: InstallTarget[], passwordProvided: (t: InstallTarget) => boolean): Promise<Plan[]> {
  const plans: Plan[] = [];
  for (const target of targets) {
    const plan = await planFor(host, supportDir, target, passwordProvided(target));
    const earlier = plans.map((p) => ({ record: { name: p.instanceName, choices: p.choices }, expanded: p.expanded }));
    const clashes = collisions(plan.expanded, plan.choices.configure, earlier);
    if (clashes.length) throw new UsageError(`${path.basename(target.file)} cannot be installed after the instances before it in the topology: ${clashes.join(' ')}`);
    plans.push(plan);
  }
  return plans;
}

/** The plan, or a usage error naming the settings file (bad values, a collision with an installed instance). */
export async function planFor(host: Host, supportDir: string, target: InstallTarget, passwordProvided: boolean): Promise<Plan> {
  try {
    return await buildPlan(host, supportDir, { settings: target.settings, choices: target.choices, passwordProvided });
  } catch (err) {
    if (err instanceof PlanError) throw new UsageError(`${path.basename(target.file)}: ${err.message}`);
    throw err;
  }
}
