import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isBuiltInAccount } from '../../shared/settings/rules';
import type { Settings } from '../../shared/settings/parameters';
import { loadSettingsFile } from '../engine/settings-files/load';
import type { PlanChoices } from '../engine/plan/build-plan';
import { UsageError } from './args';
import type { CliIo } from './io';

/** The settings file, or a usage error naming the file, line and key (exit 2, nothing changed). */
export async function settingsFromFile(io: CliIo, file: string | undefined): Promise<Settings> {
  if (!file) throw new UsageError('--settings FILE is required (an ss-settings.xml).');
  const full = path.resolve(io.cwd, file);
  if (!existsSync(full)) throw new UsageError(`The settings file ${full} does not exist.`);
  let loaded;
  try {
    loaded = await loadSettingsFile(full);
  } catch (err) {
    throw new UsageError(`The settings file ${full} cannot be read: ${(err as Error).message}`);
  }
  if (loaded.problems.length) {
    throw new UsageError(loaded.problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}${p.key ? ` ${p.key}` : ''}: ${p.message}`).join('\n'));
  }
  return loaded.settings;
}

/** `--topology FILE`: accepted and checked for existence; the database choices it holds come from the settings-files feature. */
export function topologyFile(io: CliIo, file: string | undefined): string | undefined {
  if (!file) return undefined;
  const full = path.resolve(io.cwd, file);
  if (!existsSync(full)) throw new UsageError(`The topology file ${full} does not exist.`);
  return full;
}

export function cliChoices(filesOnly: boolean): PlanChoices {
  return {
    configure: !filesOnly,
    components: ['async-server'],
    database: { mode: 'create', authentication: 'windows', sqlLogin: '', trustServerCertificate: false, partition: 'initial' },
  };
}

export function needsPassword(settings: Settings, choices: PlanChoices): boolean {
  return choices.configure && settings.AppPoolUser.trim() !== '' && !isBuiltInAccount(settings.AppPoolUser);
}

/**
 * The app pool password, from a credential file, the CDX_SETUP_PASSWORD environment variable or a prompt on a
 * terminal, in that order; never from an argument (args.ts refuses --password).
 */
export async function appPoolPassword(io: CliIo, user: string, credentialFile: string | undefined): Promise<string> {
  if (credentialFile) {
    const full = path.resolve(io.cwd, credentialFile);
    let text: string;
    try {
      text = readFileSync(full, 'utf8');
    } catch (err) {
      throw new UsageError(`The credential file ${full} cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
    }
    const password = text.split(/\r?\n/)[0];
    if (!password) throw new UsageError(`The credential file ${full} is empty: its first line is the password of ${user}.`);
    return password;
  }
  if (io.env.CDX_SETUP_PASSWORD) return io.env.CDX_SETUP_PASSWORD;
  if (io.interactive && io.readSecret) {
    const password = await io.readSecret(`Password of the app pool user ${user}: `);
    if (password) return password;
  }
  throw new UsageError(`The password of the app pool user ${user} is needed: give --credential-file FILE, set CDX_SETUP_PASSWORD, or run on a terminal to be asked.`);
}
