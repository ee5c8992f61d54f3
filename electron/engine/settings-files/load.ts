import { readFile } from 'node:fs/promises';
import { XMLParser } from 'fast-xml-parser';
import { isParameterName, PARAMETER_NAMES, withDefaults, type ParameterName, type Settings } from '../../../shared/settings/parameters';

/**
 * Reads an ss-settings.xml in either shape seen in the product family: `<Setting key="K" value="V"/>` and
 * `<K value="V"/>`. Keys are case-sensitive; empty values fall back to the guide's defaults.
 * (The settings-files feature extends this: encodings, line numbers, hostile input, the parameter file.)
 */
export interface SettingsFileProblem {
  file: string;
  line?: number;
  key?: string;
  message: string;
}

export interface LoadedSettingsFile {
  settings: Settings;
  problems: SettingsFileProblem[];
}

export async function loadSettingsFile(file: string): Promise<LoadedSettingsFile> {
  const text = await readFile(file, 'utf8');
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: true, processEntities: true });
  const problems: SettingsFileProblem[] = [];
  const values: Partial<Record<ParameterName, string>> = {};
  const tree = parser.parse(text) as Record<string, unknown>[];
  const visit = (nodes: Record<string, unknown>[]) => {
    for (const node of nodes) {
      const attrs = (node[':@'] ?? {}) as Record<string, string>;
      for (const [tag, children] of Object.entries(node)) {
        if (tag === ':@' || tag === '#text' || tag === '?xml') continue;
        const key = tag === 'Setting' ? attrs['@key'] : 'value' in attrs || '@value' in attrs ? tag : undefined;
        if (key !== undefined && '@value' in attrs) {
          if (isParameterName(key)) values[key] = attrs['@value'];
          else problems.push({ file, key, message: unknownKeyMessage(key) });
        }
        if (Array.isArray(children)) visit(children as Record<string, unknown>[]);
      }
    }
  };
  visit(tree);
  return { settings: withDefaults(values), problems };
}

export function unknownKeyMessage(key: string): string {
  const nearest = PARAMETER_NAMES.find((n) => n.toLowerCase() === key.toLowerCase());
  return nearest ? `"${key}" is not a parameter: names are case-sensitive, use "${nearest}".` : `"${key}" is not an ss-settings.xml parameter.`;
}
