import { expandSettings } from '../../../shared/settings/expand';
import { componentDefinition } from '../../../shared/components/registry';
import type { LoadedSettingsFile } from './load';
import type { SettingsFileProblem } from './problems';

/**
 * Everything wrong with a loaded file: its own problems (syntax, keys, encoding), then the shared field rules and
 * the token references, each pinned to the line that sets the value (or to the file when the value is a default).
 */
export function validateLoadedFile(loaded: LoadedSettingsFile): SettingsFileProblem[] {
  const problems = [...loaded.problems];
  // A file that could not be read has nothing more to check: its values are all defaults.
  if (problems.some((p) => p.severity === 'error' && p.key === undefined && Object.keys(loaded.written).length === 0)) return problems;
  const definition = componentDefinition(loaded.component);
  const parameter = (field: string) => definition.parameters.find((p) => p.name === field);
  const settings = definition.normalize(loaded.settings);
  const at = (field: string) => {
    const entry = parameter(field) ? loaded.written[field] : undefined;
    return entry ? { line: entry.line } : {};
  };
  const notSet = (field: string) => (parameter(field) && !loaded.written[field]?.value.trim() ? ` (not set in the file${parameter(field)?.defaultValue ? '; the default applies' : ''})` : '');
  for (const issue of definition.validate(settings, { configure: loaded.choices.configure ?? true })) {
    problems.push({ file: loaded.file, ...at(issue.field), key: issue.field, severity: issue.severity, message: `: ${issue.message}${notSet(issue.field)}` });
  }
  // Tokens are checked here with every %VAR% stood in for; their real values are the target computer's, at plan time.
  const standIns = Object.fromEntries([...Object.values(settings).join(' ').matchAll(/%([A-Za-z_][A-Za-z0-9_()]*)%/g)].map((m) => [m[1], 'C:']));
  for (const p of expandSettings(settings, standIns).problems) {
    problems.push({ file: loaded.file, ...at(p.field), key: p.field, severity: 'error', message: `: ${p.message}` });
  }
  return problems;
}
