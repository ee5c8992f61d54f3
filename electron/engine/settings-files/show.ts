import { expandSettings } from '../../../shared/settings/expand';
import { componentDefinition } from '../../../shared/components/registry';
import type { LoadedSettingsFile } from './load';

export interface ShownParameter {
  name: string;
  /** As written in the file; null when the file leaves the parameter out. */
  written: string | null;
  line: number | null;
  /** True when the file leaves it empty or out and the guide's default is used. */
  defaultUsed: boolean;
  /** The value used: as written, or the default; tokens still in it. */
  value: string;
  /** The value with [Name] and %VAR% expanded with the target computer's environment. */
  expanded: string;
}

export interface ShownSettings {
  parameters: ShownParameter[];
  expansionProblems: { field: string; message: string }[];
}

/** What `settings show` prints and --json returns: each value as written, the default used, and the expanded value. */
export function showSettings(loaded: LoadedSettingsFile, environment: Record<string, string>): ShownSettings {
  const definition = componentDefinition(loaded.component);
  const settings = definition.normalize(loaded.settings);
  const expansion = expandSettings(settings, environment);
  return {
    parameters: definition.parameters.map((p) => {
      const entry = loaded.written[p.name];
      return {
        name: p.name,
        written: entry ? entry.value : null,
        line: entry ? entry.line : null,
        defaultUsed: !entry || entry.value.trim() === '',
        value: settings[p.name],
        expanded: expansion.expanded[p.name],
      };
    }),
    expansionProblems: expansion.problems,
  };
}
