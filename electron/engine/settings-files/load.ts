import { open } from 'node:fs/promises';
import { MAX_SETTINGS_FILE_BYTES } from '../../../shared/contract/methods/settings-files';
import { withDefaultsOf, type ComponentDefinition, type ComponentSettings } from '../../../shared/components/component';
import { componentDefinition, componentDefinitions } from '../../../shared/components/registry';
import type { ComponentId } from '../../../shared/components/ids';
import { nearest } from '../../../shared/text/levenshtein';
import { CHOICES_ELEMENT, readChoices, type FileChoices } from './choices';
import type { KeptComment, SettingsFileEntry } from './entries';
import { decodeFileBytes, tooLargeMessage, type TextEncodingName } from './decode';
import { looksLikeParameterFile, readParameterFile, type ParameterFilePart } from './parameter-file';
import type { SettingsFileProblem } from './problems';
import { parseXml, type XmlElement } from './xml';
import { isWrittenByCdxSetup } from './header-mark';

export type { SettingsFileProblem } from './problems';

export interface LoadedSettingsFile {
  file: string;
  format: SettingsFileFormat;
  /** The component the file's settings are of, known by its content. */
  component: ComponentId;
  /** Every parameter of the component: the value as written, or the guide's default where the file leaves it empty or out. */
  settings: ComponentSettings;
  /** What the file itself says, with the line; tokens and %VAR% as written. */
  written: Record<string, SettingsFileEntry>;
  /**
   * A parameter file may set (and install) several components; each one's part, in Setup's order. The file's
   * `component`, `settings` and `written` are the first part's. Settings XML files hold one component.
   */
  parts: { component: ComponentId; settings: ComponentSettings; written: Record<string, SettingsFileEntry> }[];
  choices: FileChoices;
  comments: KeptComment[];
  encoding: TextEncodingName | null;
  /** Every problem found, not only the first; errors mean the file must not be used. */
  problems: SettingsFileProblem[];
}

/** The settings XML files by the guide's names, and AX Setup's parameter file. */
export type SettingsFileFormat = 'ss-settings.xml' | 'sc-settings.xml' | 'parameter file';

/**
 * Reads an ss-settings.xml or sc-settings.xml (known by their parameters, not their name) (either element shape: `<Setting key="K" value="V"/>` or `<K value="V"/>`) or an AX Setup
 * parameter file. Never throws for what is in the file: a file that cannot be used comes back with its problems.
 */
export async function loadSettingsFile(file: string): Promise<LoadedSettingsFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readSmallFile(file);
  } catch (err) {
    return failed(file, err instanceof TooLarge ? err.message : `cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
  }
  return parseSettingsBytes(bytes, file);
}

/** The same reading for bytes that come from elsewhere (the wizard sends the file the user opened). */
export function parseSettingsBytes(bytes: Uint8Array, file: string): LoadedSettingsFile {
  const decoded = decodeFileBytes(bytes, file);
  if ('message' in decoded) return failed(file, decoded.message, decoded.line);
  if (looksLikeParameterFile(decoded.text)) {
    const read = readParameterFile(decoded.text, file);
    const parts = read.parts.map((p: ParameterFilePart) => ({ ...p, settings: withDefaultsOf(componentDefinition(p.component).parameters, valuesOf(p.written)) }));
    const first = parts[0] ?? { component: 'async-server' as const, written: {}, settings: componentDefinition('async-server').defaults() };
    return { ...empty(file), format: 'parameter file', ...first, parts, choices: read.choices, comments: read.comments, encoding: decoded.encoding, problems: [...decoded.warnings, ...read.problems] };
  }
  const parsed = parseXml(decoded.text, file);
  if ('message' in parsed) return { ...failed(file, parsed.message, parsed.line), encoding: decoded.encoding };
  const definition = componentOfXml(parsed.root);
  const read = readSettingsXml(parsed.root, parsed.prolog.map((c) => c.text), file, definition);
  const settings = withDefaultsOf(definition.parameters, valuesOf(read.written));
  const part = { component: definition.id, settings, written: read.written };
  return { ...read, file, format: definition.settingsFileName as SettingsFileFormat, ...part, parts: [part], encoding: decoded.encoding, problems: [...decoded.warnings, ...read.problems] };
}

/** The keys a settings XML file sets, wherever they are: `<Setting key="K" …/>` or `<K value="…"/>`, grouped or not. */
function keysOf(element: XmlElement): string[] {
  return element.children.flatMap((child) => {
    if (child.kind !== 'element') return [];
    if (child.name.toLowerCase() === 'setting') return Object.entries(child.attributes).filter(([k]) => k.toLowerCase() === 'key').map(([, v]) => v);
    if ('value' in child.attributes || 'Value' in child.attributes) return [child.name];
    return keysOf(child);
  });
}

/**
 * The component a settings XML file is of, by its content: the one whose parameters it sets most (an ss-settings.xml
 * and an sc-settings.xml share none). A file of neither, or an empty one, is read as an ss-settings.xml, as before
 * there were two.
 */
function componentOfXml(root: XmlElement): ComponentDefinition {
  const keys = new Set(root.name === 'Setting' || 'value' in root.attributes ? [root.name] : keysOf(root));
  let best = componentDefinition('async-server');
  let most = 0;
  for (const definition of componentDefinitions()) {
    const count = definition.parameters.filter((p) => keys.has(p.name)).length;
    if (count > most) [best, most] = [definition, count];
  }
  return best;
}

function readSettingsXml(root: XmlElement, prologComments: string[], file: string, definition: ComponentDefinition) {
  const isParameterName = (key: string) => definition.parameters.some((p) => p.name === key);
  const others = componentDefinitions().filter((d) => d.id !== definition.id);
  const written: LoadedSettingsFile['written'] = {};
  const problems: SettingsFileProblem[] = [];
  let choices: FileChoices = {};
  let choicesLine: number | undefined;
  let pending: string[] = prologComments.filter((t) => !isWrittenByCdxSetup(t));
  const comments: KeptComment[] = [];
  let found = 0;

  const take = (key: string, value: string, line: number) => {
    found++;
    if (/password|pwd/i.test(key)) {
      problems.push({ file, line, key, severity: 'error', message: 'is a password, and passwords never go in a settings file: remove it. The password is asked for when the file is deployed (prompt, --credential-file or CDX_SETUP_PASSWORD).' });
      return;
    }
    if (!isParameterName(key)) {
      const elsewhere = others.find((d) => d.parameters.some((p) => p.name === key));
      const message = elsewhere
        ? `is a parameter of ${elsewhere.settingsFileName} (${elsewhere.title}), and this file is an ${definition.settingsFileName} (${definition.title}): one file holds one component's settings.`
        : unknownKeyMessage(key, definition);
      problems.push({ file, line, key, severity: 'error', message });
      return;
    }
    const previous = written[key];
    if (previous) {
      problems.push({ file, line, key, severity: 'error', message: `is set twice, on lines ${previous.line} and ${line}; keep one.` });
      return;
    }
    written[key] = { value, line };
    comments.push(...pending.map((text) => ({ before: key, text })));
    pending = [];
  };

  const visit = (element: XmlElement) => {
    for (const child of element.children) {
      if (child.kind === 'comment') {
        if (!isWrittenByCdxSetup(child.text)) pending.push(child.text);
        continue;
      }
      if (child.kind === 'text') {
        if (child.text.trim() !== '') problems.push({ file, line: element.line, severity: 'warning', message: `has text "${shorten(child.text.trim())}" inside <${element.name}>, which is not a setting; it is ignored and not written again.` });
        continue;
      }
      const attrs = child.attributes;
      if (child.name === CHOICES_ELEMENT) {
        if (choicesLine !== undefined) {
          problems.push({ file, line: child.line, key: CHOICES_ELEMENT, severity: 'error', message: `is there twice, on lines ${choicesLine} and ${child.line}; keep one.` });
          continue;
        }
        choicesLine = child.line;
        const read = readChoices(child, file);
        choices = read.choices;
        problems.push(...read.problems);
      } else if (child.name === 'Setting' || child.name.toLowerCase() === 'setting') {
        if (child.name !== 'Setting') problems.push({ file, line: child.line, severity: 'error', message: `has <${child.name}>: element names are case-sensitive, use <Setting>.` });
        const key = attribute(child, 'key', file, problems);
        const value = attribute(child, 'value', file, problems, key);
        if (key === undefined) problems.push({ file, line: child.line, severity: 'error', message: 'has a <Setting> without a key attribute: write <Setting key="Name" value="…"/>.' });
        else if (value === undefined) problems.push({ file, line: child.line, key, severity: 'error', message: 'has no value attribute: write value="" to take the default.' });
        else take(key, value, child.line);
      } else if ('value' in attrs || 'Value' in attrs) {
        const value = attribute(child, 'value', file, problems, child.name);
        if (value !== undefined) take(child.name, value, child.line);
      } else if (child.children.some((c) => c.kind === 'element')) {
        visit(child); // a grouping element: the settings are inside
      } else {
        problems.push({ file, line: child.line, key: child.name, severity: 'warning', message: 'is not a setting (the element has no value attribute); it is ignored and not written again.' });
      }
    }
  };

  if (componentDefinitions().some((d) => d.parameters.some((p) => p.name === root.name)) || 'value' in root.attributes) {
    problems.push({ file, line: root.line, severity: 'error', message: `has no root element around the settings: put them inside <Settings>…</Settings> (<${root.name}> is the whole document).` });
  } else {
    visit(root);
  }
  comments.push(...pending.map((text) => ({ before: null, text })));
  if (found === 0 && problems.length === 0) {
    problems.push({ file, line: root.line, severity: 'warning', message: `has no settings in <${root.name}>: every parameter takes the guide's default.` });
  }
  return { written, choices, comments, problems };
}

/** Attribute names are case-sensitive too: `Key=` or `VALUE=` is an error that names the right one. */
function attribute(element: XmlElement, name: 'key' | 'value', file: string, problems: SettingsFileProblem[], key?: string): string | undefined {
  if (name in element.attributes) return element.attributes[name];
  const wrongCase = Object.keys(element.attributes).find((a) => a.toLowerCase() === name);
  if (wrongCase) {
    problems.push({ file, line: element.line, ...(key ? { key } : {}), severity: 'error', message: `has the attribute "${wrongCase}": attribute names are case-sensitive, use "${name}".` });
    // Read on, so that the key itself is checked too.
    return element.attributes[wrongCase];
  }
  return undefined;
}

export function unknownKeyMessage(key: string, definition: ComponentDefinition = componentDefinition('async-server')): string {
  const near = nearest(key, definition.parameters.map((p) => p.name));
  const format = definition.settingsFileName;
  if (near && near.toLowerCase() === key.toLowerCase()) return `is not a parameter: names are case-sensitive, use "${near}".`;
  return near ? `is not an ${format} parameter; did you mean "${near}"?` : `is not an ${format} parameter (see docs/settings-files.md for the list).`;
}

function valuesOf(written: LoadedSettingsFile['written']): Partial<Record<string, string>> {
  return Object.fromEntries(Object.entries(written).map(([k, e]) => [k, e.value]));
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function empty(file: string): LoadedSettingsFile {
  const settings = componentDefinition('async-server').defaults();
  return { file, format: 'ss-settings.xml', component: 'async-server', settings, written: {}, parts: [{ component: 'async-server', settings, written: {} }], choices: {}, comments: [], encoding: null, problems: [] };
}

function failed(file: string, message: string, line?: number): LoadedSettingsFile {
  return { ...empty(file), problems: [{ file, ...(line !== undefined ? { line } : {}), severity: 'error', message }] };
}

class TooLarge extends Error {}

/** Refuses an oversize file by its size, before reading a byte of it. */
async function readSmallFile(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_SETTINGS_FILE_BYTES) {
      throw new TooLarge(tooLargeMessage(size));
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
