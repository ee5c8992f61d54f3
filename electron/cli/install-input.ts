import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatProblem, hasErrorProblems, type SettingsFileProblem } from '../../shared/settings/file-problem';
import type { PasswordNeed } from '../../shared/components/component';
import { DEFAULT_DATABASE_CHOICE } from '../../shared/settings/install-defaults';
import type { PlanChoices } from '../engine/install/install-service';
import type { FileChoices } from '../engine/settings-files/choices';
import { loadSettingsFile, type LoadedSettingsFile } from '../engine/settings-files/load';
import { UsageError } from './args';
import type { CliIo } from './io';

/**
 * The settings file with its choices (the CdxSetup element), or a usage error listing every error as
 * `file:line: error: Key message` (exit 2, nothing changed). Warnings are printed and do not stop anything.
 */
export async function settingsFromFile(io: CliIo, file: string | undefined): Promise<LoadedSettingsFile> {
  if (!file) throw new UsageError('--settings FILE is required (an ss-settings.xml).');
  const full = path.resolve(io.cwd, file);
  if (!existsSync(full)) throw new UsageError(`The settings file ${full} does not exist.`);
  const loaded = await loadSettingsFile(full);
  reportProblems(io, loaded.problems);
  return loaded;
}

/** Warnings go to standard error; errors become one usage error (exit 2) that lists them all. */
export function reportProblems(io: CliIo, problems: readonly SettingsFileProblem[]): void {
  if (hasErrorProblems(problems)) throw new UsageError(problems.map(formatProblem).join('\n'));
  for (const p of problems) io.err(formatProblem(p));
}

/** `--topology FILE`: the full path, or a usage error when it does not exist. */
export function topologyFile(io: CliIo, file: string | undefined): string | undefined {
  if (!file) return undefined;
  const full = path.resolve(io.cwd, file);
  if (!existsSync(full)) throw new UsageError(`The topology file ${full} does not exist.`);
  return full;
}

/** A topology names its settings files itself, so giving both would leave one of them silently unused. */
export function refuseSettingsWithTopology(settings: unknown, topology: unknown): void {
  if (settings !== undefined && topology !== undefined) {
    throw new UsageError('Give --settings FILE or --topology FILE, not both: the topology names the settings file of each instance.');
  }
}

export const DEFAULT_CHOICES: PlanChoices = { configure: true, components: ['async-server'], database: DEFAULT_DATABASE_CHOICE };

/** The settings file's CdxSetup choices over the wizard's defaults; `--files-only` clears Configure whatever the file says. */
export function cliChoices(fileChoices: FileChoices, filesOnly: boolean): PlanChoices {
  return {
    configure: filesOnly ? false : (fileChoices.configure ?? DEFAULT_CHOICES.configure),
    components: fileChoices.components ?? DEFAULT_CHOICES.components,
    database: { ...DEFAULT_CHOICES.database, ...fileChoices.database },
    // --streaming turns it on as well (install-targets.ts).
    ...(fileChoices.streaming !== undefined ? { streaming: fileChoices.streaming } : {}),
  };
}

/**
 * The app pool password, from a credential file, the CDX_SETUP_PASSWORD environment variable or a prompt on a
 * terminal, in that order; never from an argument (args.ts refuses --password).
 */
export function accountPassword(io: CliIo, need: PasswordNeed, files: { credential?: string; connection?: string }): Promise<string> {
  // The account that runs the component (app pool, Windows service) is the one --credential-file has always given.
  const connection = need.secret === 'connectionPassword';
  return secret(io, {
    who: `${need.who} ${need.account}`,
    file: connection ? files.connection : files.credential,
    fileOption: connection ? '--connection-credential-file' : '--credential-file',
    variable: connection ? 'CDX_SETUP_CONNECTION_PASSWORD' : 'CDX_SETUP_PASSWORD',
  });
}

/**
 * The password of the account that runs the component, for `validate` to check against its domain: from
 * --credential-file or CDX_SETUP_PASSWORD when given, never asked for (validating must not wait on a prompt, and
 * without a password the check says it was not made).
 */
export async function givenAccountPassword(io: CliIo, credentialFile: string | undefined): Promise<string | undefined> {
  if (!credentialFile && !io.env.CDX_SETUP_PASSWORD) return undefined;
  return secret(io, { who: 'the account', file: credentialFile, fileOption: '--credential-file', variable: 'CDX_SETUP_PASSWORD' });
}

/** The SQL login's password for the message database: --sql-credential-file, CDX_SETUP_SQL_PASSWORD or the prompt. */
export function sqlLoginPassword(io: CliIo, login: string, credentialFile: string | undefined): Promise<string> {
  return secret(io, {
    who: `the SQL login ${login}`,
    why: ' (the settings file chooses SQL Server authentication for the message database)',
    file: credentialFile,
    fileOption: '--sql-credential-file',
    variable: 'CDX_SETUP_SQL_PASSWORD',
  });
}

interface SecretSource {
  who: string;
  /** Said when the password is missing, so that the user knows why it is asked for. */
  why?: string;
  file: string | undefined;
  fileOption: string;
  variable: string;
}

async function secret(io: CliIo, source: SecretSource): Promise<string> {
  if (source.file) {
    const full = path.resolve(io.cwd, source.file);
    let text: string;
    try {
      text = readFileSync(full, 'utf8');
    } catch (err) {
      throw new UsageError(`The credential file ${full} cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
    }
    const password = text.split(/\r?\n/)[0];
    if (!password) throw new UsageError(`The credential file ${full} is empty: its first line is the password of ${source.who}.`);
    return password;
  }
  const fromEnv = io.env[source.variable];
  if (fromEnv) return fromEnv;
  if (io.interactive && io.readSecret) {
    const password = await io.readSecret(`Password of ${source.who}: `);
    if (password) return password;
  }
  throw new UsageError(`The password of ${source.who} is needed${source.why ?? ''}: give ${source.fileOption} FILE, set ${source.variable}, or run on a terminal to be asked.`);
}
