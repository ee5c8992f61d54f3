import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SetupChoices } from '../../../shared/contract/schemas';
import type { Settings } from '../../../shared/components/async-server/parameters';
import { checkWindowsPath } from '../../../shared/settings/rules';
import { normalizeSettings } from '../../../shared/components/async-server/rules';
import type { Host } from '../hosts/host';
import type { SupportFiles } from '../support-files/support-files';
import { loadSettingsFile, type LoadedSettingsFile } from './load';
import { hasErrorProblems } from './problems';
import { encodeForWindows, writeSettingsXml } from './write';

export class SaveSettingsError extends Error {}

/** Save settings proposes the Setup support files folder, one file per web application. */
export async function suggestedSettingsPath(supportFiles: SupportFiles, webApplicationName: string): Promise<string> {
  const folder = (await supportFiles.location()) ?? (await supportFiles.defaultLocation());
  const name = webApplicationName.trim().replace(/[<>:"/\\|?*\u0000-\u001F]/g, '_') || 'AsyncServer';
  return `${folder.replace(/\\+$/, '')}\\ss-settings-${name}.xml`;
}

/**
 * Writes the canonical ss-settings.xml of the wizard's choices on the target computer (whole or not at all: a
 * temporary file renamed over). The settings carry no password; the file's header says where it will be asked for.
 */
export async function saveSettingsFile(host: Host, windowsPath: string, settings: Settings, choices: SetupChoices): Promise<{ path: string; replaced: boolean }> {
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
  // Save replaces a settings file, never another kind of file that happens to have the name.
  if (replaced && !isSettingsXml(await loadSettingsFile(real))) {
    throw new SaveSettingsError(`${target} already exists and is not a settings file; choose another name.`);
  }
  const { configure, components, database } = choices;
  const text = writeSettingsXml({ values: normalizeSettings(settings), choices: { configure, components, database } });
  mkdirSync(path.dirname(real), { recursive: true });
  const temporary = `${real}.${process.pid}.tmp`;
  writeFileSync(temporary, encodeForWindows(text));
  renameSync(temporary, real);
  return { path: target, replaced };
}

function isSettingsXml(loaded: LoadedSettingsFile): boolean {
  return loaded.format === 'ss-settings.xml' && !hasErrorProblems(loaded.problems) && Object.keys(loaded.written).length > 0;
}
