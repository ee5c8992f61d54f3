import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readConfigValues, replaceRawValues } from '../../app-config/config-file';
import { parseNodePath, type NodePath } from '../../app-config/node-path';
import { escapeXmlAttribute } from '../../app-config/xml-attributes';
import type { Operation, OperationContext, RunSecrets, UndoKind } from '../operation';

/** Where a password goes: the appSettings value the application reads it from. */
export function appSettingLocation(key: string): NodePath {
  return parseNodePath(`/configuration/appSettings/add[@key='${key}']/@value`);
}

export interface ProtectedSettingInput {
  /** The configuration file, as a Windows path on the target; an earlier step of the plan writes it. */
  file: string;
  /** The appSettings key the application reads the encrypted value from. */
  appSetting: string;
  /** Which of the run's passwords goes there. */
  secret: keyof RunSecrets;
  /** For the Ready page: "the password for the Async Server connection (DataStoreUserName cdx-houston)". */
  what: string;
  /** A folder of the support files: a previous encrypted value is kept there, not in the journal. */
  backupDir: string;
}

/**
 * The value as it was before: inline when empty (the placeholder the file was written with), otherwise in a file of
 * the support files with its digest, like a previous connection string with a password. Either way only what was on
 * disk: an earlier encrypted value, never the password itself.
 */
type PreviousValue = { raw: string } | { storedIn: string; sha256: string };

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Writes one of the run's passwords into the application's configuration file, encrypted by the host for this
 * computer (DPAPI, machine scope), at the appSettings value its payload manifest names. The password itself is in no
 * file, journal, log or backup. Run again with the same password, it is already done (the value on disk is decrypted
 * on the host and compared there); with another password it writes the new one. Undo writes back the value as it
 * was, which gives back the file to the byte.
 */
export function protectedSettingOperation(input: ProtectedSettingInput): Operation {
  const location = appSettingLocation(input.appSetting);
  const name = path.win32.basename(input.file);

  function read(ctx: OperationContext) {
    const real = ctx.host.realPath(input.file);
    if (!existsSync(real)) throw new Error(`The configuration file ${input.file} is not there, so ${input.what} cannot be stored in it.`);
    const bytes = readFileSync(real);
    return { real, bytes, found: readConfigValues(bytes, input.file, [location]) };
  }

  function keep(found: ReturnType<typeof read>['found']): PreviousValue {
    const raw = found.spots[0].raw;
    if (raw === '') return { raw };
    // Named by its digest: each run's record keeps its own, and a later run with another password overwrites none.
    const digest = sha256(raw);
    const storedIn = path.join(input.backupDir, `previous-${digest.slice(0, 16)}.txt`);
    mkdirSync(input.backupDir, { recursive: true });
    writeFileSync(storedIn, raw, { mode: 0o600 });
    chmodSync(storedIn, 0o600);
    return { storedIn, sha256: digest };
  }

  const password = (ctx: OperationContext) => ctx.secrets[input.secret];

  return {
    id: `app-config.protected:${input.file}#${input.appSetting}`,
    kind: protectedSettingUndo.kind,
    target: { file: input.file, appSetting: input.appSetting },
    description: `Store ${input.what}, encrypted for this computer (DPAPI, local machine), as ${input.appSetting} in ${input.file}`,
    details: { file: input.file, appSetting: input.appSetting, protection: 'DPAPI, local machine' },
    async isDone(ctx) {
      const secret = password(ctx);
      // Without the password (the plan before it is asked for) nothing says the stored one is the same.
      if (!secret) return false;
      const real = ctx.host.realPath(input.file);
      if (!existsSync(real)) return false;
      let value: string;
      try {
        value = readConfigValues(readFileSync(real), input.file, [location]).spots[0].value;
      } catch {
        return false;
      }
      return value !== '' && (await ctx.host.dataProtection.isProtectedSecret(value, secret));
    },
    async prepare(ctx) {
      return { previous: keep(read(ctx).found) };
    },
    async apply(ctx) {
      const secret = password(ctx);
      if (!secret) throw new Error(`${capitalized(input.what)} was not given, so it cannot be stored.`);
      const { real, bytes, found } = read(ctx);
      const previous = keep(found);
      const blob = await ctx.host.dataProtection.protectSecret(secret);
      writeFileSync(real, replaceRawValues(bytes, found, [{ index: 0, raw: escapeXmlAttribute(blob, found.spots[0].quote) }]));
      ctx.log('info', `Stored ${input.what} in ${name} as ${input.appSetting}, encrypted for this computer (${ctx.host.dataProtection.name}).`);
      return { previous };
    },
  };
}

/** Writes the value back as it was, from the journal (and the support files, for an earlier encrypted value). */
export const protectedSettingUndo: UndoKind = {
  kind: 'app-config.protected',
  async undo(ctx, target, before) {
    const previous = (before?.previous ?? null) as PreviousValue | null;
    if (!previous) return;
    const file = String(target.file);
    const real = ctx.host.realPath(file);
    if (!existsSync(real)) {
      ctx.log('info', `${file} is no longer there: its ${String(target.appSetting)} needs no restoring.`);
      return;
    }
    const bytes = readFileSync(real);
    const found = readConfigValues(bytes, file, [appSettingLocation(String(target.appSetting))]);
    writeFileSync(real, replaceRawValues(bytes, found, [{ index: 0, raw: previousRaw(previous, String(target.appSetting)) }]));
    ctx.log('info', `Restored the previous ${String(target.appSetting)} in ${path.win32.basename(file)}.`);
  },
};

function previousRaw(previous: PreviousValue, key: string): string {
  if ('raw' in previous) return previous.raw;
  if (!existsSync(previous.storedIn)) throw new Error(`The previous value of ${key} was kept in ${previous.storedIn}, which is gone: it cannot be restored.`);
  const raw = readFileSync(previous.storedIn, 'utf8');
  if (sha256(raw) !== previous.sha256) throw new Error(`The previous value of ${key} kept in ${previous.storedIn} has changed since: it is not restored.`);
  return raw;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
