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

const USAGE = [
  'cdx-setup settings validate FILE',
  '       cdx-setup settings show FILE [--json] [--rehearsal [SCENARIO]] [--sandbox DIR]',
  '       cdx-setup settings convert FILE --to ss-settings.xml [--out FILE]',
].join('\n');

export const settingsCommand: Command = {
  name: 'settings',
  summary: 'Validate, show or convert an ss-settings.xml or AX Setup parameter file.',
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
  const args = parseArgs(argv, {});
  const file = oneFile(args.positionals, io);
  const loaded = await loadSettingsFile(file);
  const problems = validateLoadedFile(loaded);
  for (const p of problems) io.err(formatProblem(p));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (errors) {
    io.out(`${file}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}. Nothing was changed.`);
    return EXIT.badInput;
  }
  const set = Object.values(loaded.written).filter((e) => e.value.trim() !== '').length;
  io.out(`${file} is valid (${loaded.format}, ${loaded.encoding}): ${set} parameter${set === 1 ? '' : 's'} set, the others take the guide's defaults${warnings ? `; ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}.`);
  return EXIT.ok;
}

async function show(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { ...HOST_OPTIONS, json: 'boolean' });
  const file = oneFile(args.positionals, io);
  const loaded = await loadSettingsFile(file);
  if (refuse(loaded, io)) return EXIT.badInput;
  const host = hostFromArgs(args);
  const shown = showSettings(loaded, await host.environment());
  if (args.options.json) {
    io.out(JSON.stringify({ file, format: loaded.format, encoding: loaded.encoding, computer: host.computerName, ...shown, choices: loaded.choices, problems: loaded.problems }, null, 2));
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
  io.out([`${file} (${loaded.format}, ${loaded.encoding})`, '', line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
  const choices = Object.entries({ ...loaded.choices, ...(loaded.choices.database ?? {}) }).filter(([k]) => k !== 'database');
  if (choices.length) io.out(`\nCDX Setup choices: ${choices.map(([k, v]) => `${k}=${String(v)}`).join(', ')}`);
  for (const p of shown.expansionProblems) io.err(`${file}: warning: ${p.message}`);
  return EXIT.ok;
}

async function convert(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { to: 'string', out: 'string' });
  const file = oneFile(args.positionals, io);
  const to = optionalString(args.options.to);
  if (to !== 'ss-settings.xml') throw new UsageError(to ? `--to ${to} is not a format CDX Setup writes: use --to ss-settings.xml.` : 'Say which format: --to ss-settings.xml.');
  const loaded = await loadSettingsFile(file);
  if (refuse(loaded, io)) return EXIT.badInput;
  for (const p of loaded.problems) io.err(formatProblem(p));
  const values = Object.fromEntries(Object.entries(loaded.written).map(([k, e]) => [k, e.value]));
  const text = writeSettingsXml({ values, choices: loaded.choices, comments: loaded.comments });
  const out = optionalString(args.options.out);
  if (!out) {
    io.out(text);
    return EXIT.ok;
  }
  const target = path.resolve(io.cwd, out);
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, encodeForWindows(text));
  await rename(temporary, target);
  io.out(`Wrote ${target} (ss-settings.xml, UTF-8). Check it with: cdx-setup settings validate "${target}"`);
  return EXIT.ok;
}

/** A file with errors of its own is not used at all: its problems are listed, and nothing is written. */
function refuse(loaded: LoadedSettingsFile, io: CliIo): boolean {
  if (!hasErrorProblems(loaded.problems)) return false;
  for (const p of loaded.problems) io.err(formatProblem(p));
  io.err(`${loaded.file} cannot be used until these errors are corrected. Nothing was changed.`);
  return true;
}
