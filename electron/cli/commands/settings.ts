import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatProblem, hasErrorProblems } from '../../../shared/settings/file-problem';
import { parseArgs, optionalString, UsageError } from '../args';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { HOST_OPTIONS, hostFromArgs } from '../host-options';
import type { CliIo } from '../io';
import { loadSettingsFile, type LoadedSettingsFile } from '../../engine/settings-files/load';
import { showSettings } from '../../engine/settings-files/show';
import { validateLoadedFile } from '../../engine/settings-files/validate';
import { encodeForWindows, writeSettingsXml } from '../../engine/settings-files/write';
import type { ComponentId as ComponentIdType } from '../../../shared/components/ids';
import { componentDefinition, componentDefinitions } from '../../../shared/components/registry';
import { ComponentId } from '../../../shared/contract/schemas';

const USAGE = [
  'cdx-setup settings validate FILE [--component ID]',
  '       cdx-setup settings show FILE [--component ID] [--json] [--rehearsal [SCENARIO]] [--sandbox DIR]',
  '       cdx-setup settings convert FILE --to ss-settings.xml|sc-settings.xml [--out FILE]',
  '',
  'A file is known by its content: an ss-settings.xml (Async Server), an sc-settings.xml (Async Client), or an AX',
  'Setup parameter file, which may set both; for such a file --component async-server|async-client says which part',
  'show acts on (validate checks every part). convert writes the part of the component whose settings file --to names.',
].join('\n');

export const settingsCommand: Command = {
  name: 'settings',
  summary: 'Validate, show or convert an ss-settings.xml, sc-settings.xml or AX Setup parameter file.',
  usage: USAGE,
  async run(argv, io) {
    const [action, ...rest] = argv;
    if (action === 'validate') return validate(rest, io);
    if (action === 'show') return show(rest, io);
    if (action === 'convert') return convert(rest, io);
    throw new UsageError(action ? `"${action}" is not a settings action: use validate, show or convert.` : 'Say what to do: validate, show or convert.');
  },
};

function oneFile(positionals: string[], io: CliIo): string {
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `Give one file, not ${positionals.length}.` : 'Give the settings file.');
  return path.resolve(io.cwd, positionals[0]);
}

async function validate(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { component: 'string' });
  const file = oneFile(args.positionals, io);
  const whole = await loadSettingsFile(file);
  const wanted = componentOption(args.options.component);
  const parts = wanted ? [partOf(whole, wanted)] : whole.parts.map((p) => ({ ...whole, ...p }));
  // The file's own problems once, then each component's field rules; a problem two parts share is said once.
  const seen = new Set<string>();
  const problems = parts.flatMap((p) => validateLoadedFile(p)).filter((p) => {
    const key = JSON.stringify(p);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const loaded = whole;
  for (const p of problems) io.err(formatProblem(p));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (errors) {
    io.out(`${file}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}. Nothing was changed.`);
    return EXIT.badInput;
  }
  const set = parts.reduce((n, p) => n + Object.values(p.written).filter((e) => e.value.trim() !== '').length, 0);
  const of = parts.map((p) => componentDefinition(p.component).title).join(' and ');
  io.out(`${file} is valid (${loaded.format}, ${loaded.encoding}; ${of}): ${set} parameter${set === 1 ? '' : 's'} set, the others take the guide's defaults${warnings ? `; ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}.`);
  return EXIT.ok;
}

async function show(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { ...HOST_OPTIONS, json: 'boolean', component: 'string' });
  const file = oneFile(args.positionals, io);
  const whole = await loadSettingsFile(file);
  if (refuse(whole, io)) return EXIT.badInput;
  const loaded = onePart(whole, componentOption(args.options.component));
  const host = hostFromArgs(args);
  const shown = showSettings(loaded, await host.environment());
  if (args.options.json) {
    io.out(JSON.stringify({ file, format: loaded.format, component: loaded.component, encoding: loaded.encoding, computer: host.computerName, ...shown, choices: loaded.choices, problems: loaded.problems }, null, 2));
    return EXIT.ok;
  }
  for (const p of loaded.problems) io.err(formatProblem(p));
  const rows = shown.parameters.map((p) => [
    p.name,
    p.written === null ? '(not in file)' : p.written === '' ? '(empty)' : p.written,
    p.defaultUsed ? `${p.value || '(none)'} (default)` : p.value,
    p.expanded === p.value ? '' : p.expanded,
  ]);
  const head = ['Parameter', 'As written', 'Value used', `Expanded on ${host.computerName}`];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  io.out([`${file} (${loaded.format}, ${loaded.encoding}; ${componentDefinition(loaded.component).title})`, '', line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
  const choices = Object.entries({ ...loaded.choices, ...(loaded.choices.database ?? {}) }).filter(([k]) => k !== 'database');
  if (choices.length) io.out(`\nCDX Setup choices: ${choices.map(([k, v]) => `${k}=${String(v)}`).join(', ')}`);
  for (const p of shown.expansionProblems) io.err(`${file}: warning: ${p.message}`);
  return EXIT.ok;
}

async function convert(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { to: 'string', out: 'string' });
  const file = oneFile(args.positionals, io);
  const to = optionalString(args.options.to);
  const formats = componentDefinitions().map((d) => d.settingsFileName);
  const target = componentDefinitions().find((d) => d.settingsFileName === to);
  if (!target) throw new UsageError(to ? `--to ${to} is not a format CDX Setup writes: use --to ${formats.join(' or --to ')}.` : `Say which format: --to ${formats.join(' or --to ')}.`);
  const whole = await loadSettingsFile(file);
  if (refuse(whole, io)) return EXIT.badInput;
  const part = whole.parts.find((p) => p.component === target.id);
  if (!part) {
    const has = whole.parts.map((p) => componentDefinition(p.component).settingsFileName).join(', ');
    throw new UsageError(`${file} holds no ${target.title} settings, so it has no ${target.settingsFileName}; convert it --to ${has}.`);
  }
  for (const p of whole.problems) io.err(formatProblem(p));
  const values = Object.fromEntries(Object.entries(part.written).map(([k, e]) => [k, e.value]));
  // The choices travel with the component they are made for; a file installing both keeps its components list in each.
  const text = writeSettingsXml({ component: target.id, values, choices: whole.choices, comments: whole.comments.filter((c) => c.before === null || c.before in part.written || !whole.parts.some((o) => c.before! in o.written)) });
  const out = optionalString(args.options.out);
  if (!out) {
    io.out(text);
    return EXIT.ok;
  }
  const outFile = path.resolve(io.cwd, out);
  const temporary = `${outFile}.${process.pid}.tmp`;
  await writeFile(temporary, encodeForWindows(text));
  await rename(temporary, outFile);
  io.out(`Wrote ${outFile} (${target.settingsFileName}, UTF-8). Check it with: cdx-setup settings validate "${outFile}"`);
  return EXIT.ok;
}

function componentOption(value: unknown): ComponentIdType | undefined {
  const raw = optionalString(value);
  if (raw === undefined) return undefined;
  const parsed = ComponentId.safeParse(raw);
  if (!parsed.success) throw new UsageError(`--component "${raw}" is not a component; the components are: ${ComponentId.options.join(', ')}.`);
  return parsed.data;
}

/** The file as one component's settings: the part --component names, or the only one; several need --component. */
function onePart(loaded: LoadedSettingsFile, wanted: ComponentIdType | undefined): LoadedSettingsFile {
  if (wanted) return partOf(loaded, wanted);
  if (loaded.parts.length > 1) {
    throw new UsageError(`${loaded.file} sets both ${loaded.parts.map((p) => componentDefinition(p.component).title).join(' and ')}: say which with --component ${loaded.parts.map((p) => p.component).join(' or --component ')}.`);
  }
  return loaded;
}

function partOf(loaded: LoadedSettingsFile, wanted: ComponentIdType): LoadedSettingsFile {
  const part = loaded.parts.find((p) => p.component === wanted);
  if (!part) throw new UsageError(`${loaded.file} holds no ${componentDefinition(wanted).title} settings (it sets ${loaded.parts.map((p) => componentDefinition(p.component).title).join(' and ')}).`);
  return { ...loaded, ...part };
}

/** A file with errors of its own is not used at all: its problems are listed, and nothing is written. */
function refuse(loaded: LoadedSettingsFile, io: CliIo): boolean {
  if (!hasErrorProblems(loaded.problems)) return false;
  for (const p of loaded.problems) io.err(formatProblem(p));
  io.err(`${loaded.file} cannot be used until these errors are corrected. Nothing was changed.`);
  return true;
}
