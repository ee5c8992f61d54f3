import path from 'node:path';
import { formatProblem, hasErrorProblems } from '../../shared/settings/file-problem';
import type { ComponentSettings } from '../../shared/components/component';
import type { ComponentId } from '../../shared/components/ids';
import { ComponentId as ComponentIdSchema } from '../../shared/contract/schemas';
import { componentDefinition, componentDefinitions } from '../../shared/components/registry';
import type { LoadedSettingsFile } from '../engine/settings-files/load';
import type { Host } from '../engine/hosts/host';
import { PlanError, type InstallService, type PlanChoices, type PlanPreview } from '../engine/install/install-service';
import { loadTopology, selectForComputer } from '../engine/settings-files/topology';
import { optionalString, UsageError, type ParsedArgs } from './args';
import { cliChoices, refuseSettingsWithTopology, reportProblems, settingsFromFile, topologyFile } from './install-input';
import type { CliIo } from './io';

/** One instance to plan or deploy: its settings file, and the settings and choices read from it. */
export interface InstallTarget {
  file: string;
  component: ComponentId;
  settings: ComponentSettings;
  choices: PlanChoices;
}

/**
 * `--settings FILE` gives one instance; `--topology FILE` gives the instances the topology lists for this computer,
 * in the topology's order. Any error in the topology, in a selected settings file, or between two selected
 * instances refuses the whole selection (exit 2) before anything is installed.
 */
export async function installTargets(io: CliIo, args: ParsedArgs, host: Host): Promise<InstallTarget[]> {
  return withStreaming(await readTargets(io, args, host), args.options.streaming === true);
}

/**
 * `--streaming`: streaming over the NetTcp port instead of WS-ReliableMessaging, for the targets whose component
 * takes that choice (Async Client's); given for targets none of which takes it, it is a usage error, not ignored.
 */
function withStreaming(targets: InstallTarget[], streaming: boolean): InstallTarget[] {
  if (!streaming) return targets;
  const takes = (t: InstallTarget) => componentDefinition(t.component).choices?.includes('streaming') === true;
  if (!targets.some(takes)) {
    const which = componentDefinitions().filter((c) => c.choices?.includes('streaming')).map((c) => c.title).join(', ');
    throw new UsageError(`--streaming is a choice of ${which} (streaming over the NetTcp port); ${[...new Set(targets.map((t) => path.basename(t.file)))].join(', ')} installs ${[...new Set(targets.map((t) => componentDefinition(t.component).title))].join(' and ')} only.`);
  }
  return targets.map((t) => (takes(t) ? { ...t, choices: { ...t.choices, streaming: true } } : t));
}

async function readTargets(io: CliIo, args: ParsedArgs, host: Host): Promise<InstallTarget[]> {
  const filesOnly = args.options['files-only'] === true;
  refuseSettingsWithTopology(args.options.settings, args.options.topology);
  const topology = topologyFile(io, optionalString(args.options.topology));
  if (!topology) {
    const loaded = await settingsFromFile(io, optionalString(args.options.settings));
    return partsOf(loaded, componentOption(args.options.component), filesOnly);
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
  const wanted = componentOption(args.options.component);
  return selection.entries.flatMap((e) => partsOf(e.loaded, wanted, filesOnly, e.settingsFile));
}

/** `--component ID`, checked; undefined when not given. */
export function componentOption(value: unknown): ComponentId | undefined {
  const raw = optionalString(value);
  if (raw === undefined) return undefined;
  const parsed = ComponentIdSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`--component "${raw}" is not a component; the components are: ${ComponentIdSchema.options.join(', ')}.`);
  return parsed.data;
}

/**
 * The instances a settings file describes: one, or for an AX Setup parameter file one per component it installs
 * (in Setup's order, Async Server first); `--component` keeps the one it names.
 */
function partsOf(loaded: LoadedSettingsFile, wanted: ComponentId | undefined, filesOnly: boolean, file = loaded.file): InstallTarget[] {
  const installs = loaded.choices.components;
  const parts = loaded.parts.filter((p) => (wanted ? p.component === wanted : !installs || installs.includes(p.component)));
  if (parts.length === 0) {
    const has = loaded.parts.map((p) => p.component).join(', ');
    throw new UsageError(`${file} holds no ${wanted ? `${wanted} ` : ''}settings to install${has ? ` (it sets ${has})` : ''}.`);
  }
  return parts.map((p) => ({ file, component: p.component, settings: p.settings, choices: { ...cliChoices(loaded.choices, filesOnly), components: [p.component] } }));
}

/** The previews of every target, each checked against those before it; bad values or a clash: a usage error naming the file. */
export async function previewTargets(service: InstallService, targets: InstallTarget[]): Promise<PlanPreview[]> {
  return service.previewAll(targets, (i) => path.basename(targets[i].file)).catch((err: unknown) => {
    throw err instanceof PlanError ? new UsageError(err.message) : err;
  });
}

/** A PlanError (bad values, a collision with an installed instance) as a usage error naming the settings file. */
export function asUsageError(err: unknown, target: InstallTarget): unknown {
  return err instanceof PlanError ? new UsageError(`${path.basename(target.file)}: ${err.message}`) : err;
}
