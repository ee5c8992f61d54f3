import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ComponentDefinition, ComponentSettings } from '../../../shared/components/component';
import type { ComponentId } from '../../../shared/components/ids';
import { componentDefinition } from '../../../shared/components/registry';
import type { SetupChoices } from '../../../shared/contract/schemas';
import { checkWindowsPath } from '../../../shared/settings/rules';
import type { Host } from '../hosts/host';
import type { SupportFiles } from '../support-files/support-files';
import { loadSettingsFile, type LoadedSettingsFile } from './load';
import { hasErrorProblems } from './problems';
import { encodeForWindows, writeSettingsXml } from './write';

export class SaveSettingsError extends Error {}

/**
 * The file name Save settings proposes for a component's settings: its settings file's name with the instance's
 * (ss-settings-<WebApplicationName>.xml, sc-settings-<ServiceName>.xml), so each instance of a topology has its own.
 * Characters Windows refuses in a file name become '_'; an empty instance name takes the guide's default.
 */
export function suggestedSettingsFileName(definition: ComponentDefinition, settings: ComponentSettings): string {
  const safe = (name: string) => name.trim().replace(/[<>:"/\\|?*\u0000-\u001F]/g, '_');
  const instance = safe(definition.instanceName(settings)) || safe(definition.instanceName(definition.defaults()));
  return `${definition.settingsFileName.replace(/\.xml$/i, '')}-${instance}.xml`;
}

/** Save settings proposes the Setup support files folder, one file per instance. */
export async function suggestedSettingsPath(supportFiles: SupportFiles, component: ComponentId, settings: ComponentSettings): Promise<string> {
  const folder = (await supportFiles.location()) ?? (await supportFiles.defaultLocation());
  return `${folder.replace(/\\+$/, '')}\\${suggestedSettingsFileName(componentDefinition(component), settings)}`;
}

/**
 * Writes the canonical settings file of one component's choices (ss-settings.xml, sc-settings.xml) on the target
 * computer, whole or not at all (a temporary file renamed over). The settings carry no password; the file's header
 * says where each is asked for.
 */
export async function saveSettingsFile(host: Host, windowsPath: string, component: ComponentId, settings: ComponentSettings, choices: SetupChoices): Promise<{ path: string; replaced: boolean }> {
  const definition = componentDefinition(component);
  const problem = checkWindowsPath(windowsPath, true);
  if (problem) throw new SaveSettingsError(problem);
  const environment = new Map(Object.entries(await host.environment()).map(([k, v]) => [k.toUpperCase(), v]));
  const target = windowsPath.trim().replace(/%([A-Za-z_][A-Za-z0-9_()]*)%/g, (whole, name: string) => environment.get(name.toUpperCase()) ?? whole);
  if (/%[^%\\]+%/.test(target)) throw new SaveSettingsError(`${target} uses an environment variable that is not set on ${host.computerName}.`);
  let real: string;
  try {
    real = host.realPath(target);
  } catch (err) {
    throw new SaveSettingsError((err as Error).message);
  }
  if (!/\.xml$/i.test(target)) throw new SaveSettingsError(`${target}: a settings file name ends with .xml.`);
  const replaced = existsSync(real);
  if (replaced) refuseToReplace(await loadSettingsFile(real), target, definition);
  const { configure, components, database } = choices;
  // A choice the component's plan reads besides these (Async Client's streaming) is kept in its file only.
  const streaming = definition.choices?.includes('streaming') ? { streaming: choices.streaming === true } : {};
  const text = writeSettingsXml({ component, values: definition.normalize(settings), choices: { configure, components, database, ...streaming } });
  mkdirSync(path.dirname(real), { recursive: true });
  const temporary = `${real}.${process.pid}.tmp`;
  writeFileSync(temporary, encodeForWindows(text));
  renameSync(temporary, real);
  return { path: target, replaced };
}

/**
 * Save replaces a settings file of the same component, never another kind of file that happens to have the name, nor
 * the other component's settings (an Async Server's ss-settings.xml is not overwritten by Async Client's).
 */
function refuseToReplace(loaded: LoadedSettingsFile, target: string, definition: ComponentDefinition): void {
  const settingsXml = loaded.format !== 'parameter file' && !hasErrorProblems(loaded.problems) && Object.keys(loaded.written).length > 0;
  if (!settingsXml) throw new SaveSettingsError(`${target} already exists and is not a settings file; choose another name.`);
  if (loaded.component !== definition.id) {
    const theirs = componentDefinition(loaded.component);
    throw new SaveSettingsError(`${target} already exists and holds ${theirs.title}'s settings (an ${theirs.settingsFileName}), not ${definition.title}'s; choose another name.`);
  }
}
