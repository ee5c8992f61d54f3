import type { ComponentDefinition } from '../../../shared/components/component';
import type { ComponentId } from '../../../shared/components/ids';
import { componentDefinitions } from '../../../shared/components/registry';
import { nearest } from '../../../shared/text/levenshtein';
import type { FileChoices } from './choices';
import type { KeptComment, SettingsFileEntry } from './entries';
import type { SettingsFileProblem } from './problems';

/** One component's values in a parameter file, by its settings file's parameter names. */
export interface ParameterFilePart {
  component: ComponentId;
  written: Record<string, SettingsFileEntry>;
}

/** Every key of every component's parameter-file table, with the component it belongs to. */
function keyTable(): { key: string; definition: ComponentDefinition }[] {
  return componentDefinitions().flatMap((definition) => {
    const keys = definition.parameterFile;
    return [...Object.keys(keys.parameters), keys.install, keys.remove, ...keys.passwords].map((key) => ({ key, definition }));
  });
}

const NAME_VALUE = /^\s*([A-Za-z][A-Za-z0-9_.]*)\s*=(.*)$/;

/** A parameter file is `Name=Value` lines and `#` comments; an XML file starts with "<". */
export function looksLikeParameterFile(text: string): boolean {
  const first = text.split('\n').map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('#'));
  return first !== undefined && !first.startsWith('<') && NAME_VALUE.test(first);
}

/**
 * Reads AX Setup's parameter file: the keys of every component CDX Setup installs (one file may install several), each
 * key at most once (AX Setup fails silently on a key given twice), passwords never carried over.
 */
export function readParameterFile(text: string, file: string) {
  const table = keyTable();
  const allKeys = table.map((t) => t.key);
  const parts = new Map<ComponentId, ParameterFilePart>();
  const choices: FileChoices = {};
  const installs: ComponentId[] = [];
  const comments: KeptComment[] = [];
  const problems: SettingsFileProblem[] = [];
  const seen = new Map<string, number>();
  const otherKeys: string[] = [];
  let pending: string[] = [];
  const partOf = (id: ComponentId) => parts.get(id) ?? parts.set(id, { component: id, written: {} }).get(id)!;

  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.replace(/\r$/, '').trim();
    if (trimmed === '') return;
    if (trimmed.startsWith('#')) {
      pending.push(` ${trimmed.slice(1).trim()} `);
      return;
    }
    const match = NAME_VALUE.exec(trimmed);
    if (!match) {
      problems.push({ file, line, severity: 'error', message: `has "${shorten(trimmed)}", which is not a Name=Value line or a # comment.` });
      return;
    }
    const [, written_key, rawValue] = match;
    const value = unquote(rawValue.trim());
    // AX Setup reads its parameter names without regard to case; the canonical spelling is reported.
    const entry = table.find((t) => t.key.toLowerCase() === written_key.toLowerCase());
    if (!entry) {
      if (/^SynchService(HeadOffice|Database|Client|HO)/i.test(written_key)) {
        const near = nearest(written_key, allKeys);
        problems.push({ file, line, key: written_key, severity: 'error', message: `is not a Commerce Data Exchange parameter of AX Setup${near ? `; did you mean "${near}"?` : '.'}` });
      } else {
        otherKeys.push(written_key);
      }
      return;
    }
    const { key, definition } = entry;
    const keys = definition.parameterFile;
    partOf(definition.id);
    if (key !== written_key) problems.push({ file, line, key: written_key, severity: 'warning', message: `is spelled "${key}" in the setup parameters reference.` });
    const previous = seen.get(key);
    if (previous !== undefined) {
      problems.push({ file, line, key, severity: 'error', message: `is set twice, on lines ${previous} and ${line}; keep one (AX Setup fails without saying why on a key given twice).` });
      return;
    }
    seen.set(key, line);
    if (keys.passwords.includes(key)) {
      problems.push({ file, line, key, severity: 'warning', message: 'is not carried over: passwords never go in a settings file. It is asked for when the settings are deployed (prompt, a credential file or an environment variable).' });
    } else if (key === keys.install) {
      if (value === '1') installs.push(definition.id);
      else problems.push({ file, line, key, severity: 'warning', message: `is "${value}": this parameter file does not install ${definition.title}; its ${definition.title} values are read anyway.` });
    } else if (key === keys.remove) {
      if (value === '1') problems.push({ file, line, key, severity: 'error', message: `is 1 (remove ${definition.title}): a settings file describes an installation; remove an instance with cdx-setup instead.` });
    } else {
      const parameter = keys.parameters[key];
      partOf(definition.id).written[parameter] = { value, line };
      comments.push(...pending.map((t) => ({ before: parameter, text: t })));
      pending = [];
    }
  });
  comments.push(...pending.map((t) => ({ before: null, text: t })));
  if (otherKeys.length) {
    problems.push({ file, severity: 'warning', message: `sets ${otherKeys.length} AX Setup parameter(s) for other components, which CDX Setup does not install: ${otherKeys.join(', ')}.` });
  }
  if (seen.size === 0) {
    const first = componentDefinitions()[0].parameterFile;
    problems.push({ file, severity: 'error', message: `has no Async Server or Async Client parameters (${Object.keys(first.parameters)[0]}=…, ${first.install}=1…).` });
  }
  // In Setup's order, whatever the order of the lines.
  const ordered = componentDefinitions().map((d) => parts.get(d.id)).filter((p): p is ParameterFilePart => p !== undefined);
  const installed = componentDefinitions().map((d) => d.id).filter((id) => installs.includes(id));
  if (installed.length) choices.components = installed as FileChoices['components'];
  return { parts: ordered, choices, comments, problems };
}

function unquote(value: string): string {
  return /^"[^"]*"$/.test(value) ? value.slice(1, -1) : value;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
