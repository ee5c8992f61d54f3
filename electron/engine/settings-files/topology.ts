import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_SETTINGS_FILE_BYTES } from '../../../shared/contract/methods/settings-files';
import { engineComponents } from '../components/registry';
import { decodeFileBytes, tooLargeMessage } from './decode';
import { loadSettingsFile, type LoadedSettingsFile } from './load';
import type { SettingsFileProblem } from './problems';
import { parseXml, type XmlElement } from './xml';

/**
 * The topology file (the guide's -TopologyXmlFilePath): which computers receive which instances (of any component),
 * each with its settings file. CDX Setup writes and documents this shape (docs/settings-files.md):
 *
 *   <Topology>
 *     <Computer name="CDXHQ01">
 *       <Instance settingsFile="ss-settings-AsyncServer.xml" />
 *     </Computer>
 *   </Topology>
 *
 * and reads the variants hand-made files use: Machine or Server for Computer, Name/ComputerName attributes or a
 * <Name> element, SettingsFile/SettingsXmlFilePath/Path attributes or the element's text, names in any case, and a
 * flat <Instance computer="…" settingsFile="…"/> list. Relative paths are relative to the topology file.
 */
export interface TopologyEntry {
  computer: string;
  /** Absolute path of the settings file. */
  settingsFile: string;
  line: number;
  loaded: LoadedSettingsFile;
}

export interface Topology {
  file: string;
  entries: TopologyEntry[];
  /** Problems of the topology file itself; each entry's settings file carries its own. */
  problems: SettingsFileProblem[];
}

export interface Selection {
  entries: TopologyEntry[];
  /** One sentence saying which entries were picked for this computer, and why. */
  message: string;
  /** Errors mean deploy must refuse the whole selection (nothing is installed). */
  problems: SettingsFileProblem[];
}

const COMPUTER = ['computer', 'machine', 'server', 'node', 'host'];
const INSTANCE = ['instance', 'settings', 'settingsfile', 'deployment', 'asyncserver'];
const NAME_ATTRIBUTES = ['name', 'computername', 'machinename', 'hostname', 'computer', 'server', 'machine'];
const FILE_ATTRIBUTES = ['settingsfile', 'settingsxmlfilepath', 'settingsfilepath', 'settings', 'file', 'path'];

export async function loadTopology(file: string): Promise<Topology> {
  const fail = (message: string, line?: number): Topology => ({ file, entries: [], problems: [{ file, ...(line !== undefined ? { line } : {}), severity: 'error', message }] });
  let bytes: Uint8Array;
  try {
    const { size } = await stat(file);
    if (size > MAX_SETTINGS_FILE_BYTES) return fail(tooLargeMessage(size));
    bytes = await readFile(file);
  } catch (err) {
    return fail(`cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
  }
  const decoded = decodeFileBytes(bytes, file);
  if ('message' in decoded) return fail(decoded.message, decoded.line);
  const parsed = parseXml(decoded.text, file);
  if ('message' in parsed) return fail(parsed.message, parsed.line);

  const problems: SettingsFileProblem[] = [...decoded.warnings];
  const found: { computer: string; settingsFile: string; line: number }[] = [];
  const base = path.dirname(path.resolve(file));
  const add = (computer: string | undefined, settingsFile: string | undefined, line: number) => {
    if (!computer) problems.push({ file, line, severity: 'error', message: 'has an instance without a computer name: write <Computer name="…">.' });
    else if (!settingsFile) problems.push({ file, line, key: computer, severity: 'error', message: 'has an instance without a settings file: write <Instance settingsFile="ss-settings-….xml"/>.' });
    else found.push({ computer, settingsFile: path.resolve(base, settingsFile.replace(/\\/g, path.sep)), line });
  };

  const visit = (element: XmlElement, computer: string | undefined) => {
    for (const child of element.children) {
      if (child.kind !== 'element') continue;
      const kind = child.name.toLowerCase();
      if (COMPUTER.includes(kind)) {
        const name = attributeOf(child, NAME_ATTRIBUTES) ?? textOf(child, 'name');
        const direct = attributeOf(child, FILE_ATTRIBUTES);
        if (direct) add(name, direct, child.line);
        else if (!child.children.some((c) => c.kind === 'element' && INSTANCE.includes(c.name.toLowerCase()))) add(name, undefined, child.line);
        visit(child, name ?? '');
      } else if (INSTANCE.includes(kind)) {
        add(attributeOf(child, NAME_ATTRIBUTES.filter((n) => n !== 'name')) ?? computer, attributeOf(child, FILE_ATTRIBUTES) ?? plainText(child), child.line);
      } else if (kind !== 'name' && child.children.some((c) => c.kind === 'element')) {
        visit(child, computer);
      } else if (kind !== 'name') {
        problems.push({ file, line: child.line, key: child.name, severity: 'warning', message: 'is not part of a topology (Computer, Instance); it is ignored.' });
      }
    }
  };
  visit(parsed.root, undefined);
  if (found.length === 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push({ file, line: parsed.root.line, severity: 'error', message: 'lists no instance: write <Computer name="…"><Instance settingsFile="…"/></Computer>.' });
  }
  const cache = new Map<string, Promise<LoadedSettingsFile>>();
  const entries = await Promise.all(
    found.map(async (f) => {
      if (!cache.has(f.settingsFile)) cache.set(f.settingsFile, loadSettingsFile(f.settingsFile));
      return { ...f, loaded: await cache.get(f.settingsFile)! };
    }),
  );
  return { file, entries, problems };
}

/** The entries for this computer, by name without regard to case, its short name matching an FQDN and back. */
export function selectForComputer(topology: Topology, computerName: string): Selection {
  const problems = topology.problems.filter((p) => p.severity === 'error');
  const entries = topology.entries.filter((e) => sameComputer(e.computer, computerName));
  const listed = [...new Set(topology.entries.map((e) => e.computer))];
  if (entries.length === 0) {
    const message = `The topology ${path.basename(topology.file)} has no instance for this computer (${computerName})${listed.length ? `; it lists ${listed.join(', ')}` : ''}.`;
    return { entries, message, problems: [...problems, { file: topology.file, severity: 'error', message: `has no instance for this computer (${computerName}).` }] };
  }
  for (const entry of entries) problems.push(...entry.loaded.problems.filter((p) => p.severity === 'error'));
  problems.push(...collisions(entries, topology.file));
  const where = entries.map((e) => `line ${e.line} (${e.computer}: ${path.basename(e.settingsFile)})`).join(', ');
  const message = `This computer is ${computerName}: the topology ${path.basename(topology.file)} gives it ${entries.length} instance${entries.length === 1 ? '' : 's'}, ${where}.`;
  return { entries, message, problems };
}

export function sameComputer(listed: string, computerName: string): boolean {
  const a = listed.trim().toLowerCase();
  const b = computerName.trim().toLowerCase();
  if (a === b || a === 'localhost' || a === '.') return true;
  const [aShort, bShort] = [a.split('.')[0], b.split('.')[0]];
  return (!a.includes('.') && a === bShort) || (!b.includes('.') && b === aShort);
}

/**
 * What keeps the instances one computer is given from all being installed there, as each component judges its own
 * (Async Server: a website and application, a port); instances of different components never clash here.
 */
function collisions(entries: TopologyEntry[], file: string): SettingsFileProblem[] {
  return engineComponents().flatMap((component) => {
    // A parameter file may install several components: each part it installs is an instance of its own component.
    const installed = (e: TopologyEntry) => e.loaded.parts.filter((p) => !e.loaded.choices.components || e.loaded.choices.components.includes(p.component));
    const instances = entries.flatMap((e) => installed(e).filter((p) => p.component === component.definition.id).map((p) => ({ line: e.line, computer: e.computer, settings: p.settings })));
    const clashes = component.topologyClashes?.(instances) ?? [];
    return clashes.map((c): SettingsFileProblem => ({ file, line: c.line, key: c.key, severity: 'error', message: c.message }));
  });
}

function attributeOf(element: XmlElement, names: string[]): string | undefined {
  const found = Object.entries(element.attributes).find(([k]) => names.includes(k.toLowerCase()));
  return found?.[1].trim() || undefined;
}

function textOf(element: XmlElement, childName: string): string | undefined {
  const child = element.children.find((c): c is XmlElement => c.kind === 'element' && c.name.toLowerCase() === childName);
  return child ? plainText(child) : undefined;
}

function plainText(element: XmlElement): string | undefined {
  return element.children.map((c) => (c.kind === 'text' ? c.text : '')).join('').trim() || undefined;
}
