import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ResolvedAccount } from '../facts';
import type { AccessRights, AccessRule, FileAccess, FileAccessGrant, FileAccessRule } from './machine';
import { formatDacl, parseDacl, type SddlEntry } from './sddl';

/**
 * A file's access control list as the rehearsal keeps it, in state/acl.json's `files` (its Windows path, lower case,
 * as the key): only while it differs from what a new file has (no rules of its own, inheriting its folder's), so
 * undoing every change leaves no entry. Rights are written by name where Windows has one (`FullControl`, `Read`), so
 * QA reads the file as icacls would show it.
 */
export interface StoredFileAccess {
  path: string;
  isProtected: boolean;
  rules: { identity: string; sid: string; rights: string; type: 'Allow' | 'Deny' }[];
}

/** What the rehearsal's file permissions need of the machine: its state, its accounts and its drives. */
export interface FileAccessStore {
  stored(): Record<string, StoredFileAccess>;
  put(key: string, value: StoredFileAccess | null): void;
  /** The folders' explicit rules (Machine.writeAccess), which files below them inherit. */
  folderRules(): AccessRule[];
  resolveAccount(name: string): ResolvedAccount | null;
  fileExists(windowsPath: string): boolean;
}

/** Masks as Windows stores them (with the Synchronize .NET adds to an Allow rule), by FileSystemRights' names. */
const NAMED_RIGHTS: Record<string, number> = { FullControl: 0x1f01ff, Modify: 0x1301bf, ReadAndExecute: 0x1200a9, Read: 0x120089 };
const FOLDER_RIGHTS: Record<AccessRights, number> = { FullControl: NAMED_RIGHTS.FullControl, Modify: NAMED_RIGHTS.Modify, ReadAndExecute: NAMED_RIGHTS.ReadAndExecute };

const rightsName = (mask: number) => Object.keys(NAMED_RIGHTS).find((n) => NAMED_RIGHTS[n] === mask >>> 0) ?? `0x${(mask >>> 0).toString(16)}`;
const rightsMask = (name: string) => NAMED_RIGHTS[name] ?? Number.parseInt(name.slice(2), 16) >>> 0;

/** The groups of every Windows, by their well-known SIDs (the built-in service accounts come from the scenario's resolver). */
const WELL_KNOWN_GROUPS: ResolvedAccount[] = [
  { name: 'BUILTIN\\Administrators', sid: 'S-1-5-32-544' },
  { name: 'BUILTIN\\Users', sid: 'S-1-5-32-545' },
  { name: 'BUILTIN\\IIS_IUSRS', sid: 'S-1-5-32-568' },
  { name: 'NT AUTHORITY\\Authenticated Users', sid: 'S-1-5-11' },
  { name: 'Everyone', sid: 'S-1-1-0' },
  { name: 'CREATOR OWNER', sid: 'S-1-3-0' },
];

/** What a new file on C:\ inherits from the drive: Administrators and SYSTEM Full control, Users Read and execute. */
const DRIVE_DEFAULTS: SddlEntry[] = [
  { type: 'Allow', flags: ['ID'], rights: NAMED_RIGHTS.FullControl, sid: 'S-1-5-32-544' },
  { type: 'Allow', flags: ['ID'], rights: NAMED_RIGHTS.FullControl, sid: 'S-1-5-18' },
  { type: 'Allow', flags: ['ID'], rights: NAMED_RIGHTS.ReadAndExecute, sid: 'S-1-5-32-545' },
];

const READ_PERMISSIONS = 0x20000 | 0x10000000 | 0x80000000;
const key = (windowsPath: string) => windowsPath.toLowerCase();

export class RehearsalFileAccess {
  constructor(private readonly store: FileAccessStore) {}

  read(file: string): FileAccess | null {
    if (!this.store.fileExists(file)) return null;
    const own = this.own(file);
    const explicit = own.rules.map((r): SddlEntry => ({ type: r.type, flags: [], rights: rightsMask(r.rights), sid: r.sid }));
    const entries = [...explicit, ...(own.isProtected ? [] : this.inherited(file))];
    // As Windows refuses Get-Acl to a user the rules give no Read permissions (the installing user is an administrator).
    if (!entries.some((e) => e.sid === 'S-1-5-32-544' && e.type === 'Allow' && (e.rights & READ_PERMISSIONS) !== 0)) {
      throw new Error(`Attempted to perform an unauthorized operation: the permissions of ${file} cannot be read.`);
    }
    const rules = own.rules.map((r): FileAccessRule => ({ sid: r.sid, rights: rightsMask(r.rights), type: r.type }));
    return { path: file, isProtected: own.isProtected, rules, sddl: formatDacl({ isProtected: own.isProtected, entries }) };
  }

  restrict(file: string, grants: FileAccessGrant[]): void {
    this.existing(file);
    // Every account is mapped before anything changes; Windows merges two Allow rules of one account.
    const rules: StoredFileAccess['rules'] = [];
    for (const grant of grants) {
      const account = this.account(grant.identity);
      const mask = NAMED_RIGHTS[grant.rights];
      const same = rules.find((r) => r.sid === account.sid);
      if (same) same.rights = rightsName(rightsMask(same.rights) | mask);
      else rules.push({ identity: account.name, sid: account.sid, rights: rightsName(mask), type: 'Allow' });
    }
    this.keep(file, { path: file, isProtected: true, rules });
  }

  writeSddl(file: string, sddl: string): void {
    if (!this.store.fileExists(file)) return;
    const dacl = parseDacl(sddl);
    // Inherited entries are the folder's to give: Windows recomputes them when the DACL is written.
    const rules = dacl.entries
      .filter((e) => !e.flags.includes('ID'))
      .map((e) => ({ identity: this.account(e.sid).name, sid: e.sid, rights: rightsName(e.rights), type: e.type }));
    this.keep(file, { path: file, isProtected: dacl.isProtected, rules });
  }

  private own(file: string): StoredFileAccess {
    return this.store.stored()[key(file)] ?? { path: file, isProtected: false, rules: [] };
  }

  private keep(file: string, access: StoredFileAccess): void {
    // The entries of files that are gone went with them.
    for (const [k, stored] of Object.entries(this.store.stored())) if (!this.store.fileExists(stored.path)) this.store.put(k, null);
    this.store.put(key(file), access.isProtected || access.rules.length ? access : null);
  }

  private existing(file: string): void {
    if (!this.store.fileExists(file)) throw new Error(`Cannot find path '${file}' because it does not exist.`);
  }

  /** The rules a file below folders with inheritable rules gets, nearest folder first, then the drive's. */
  private inherited(file: string): SddlEntry[] {
    const folders: string[] = [];
    for (let folder = path.win32.dirname(file); folder !== path.win32.dirname(folder); folder = path.win32.dirname(folder)) folders.push(key(folder));
    const rules = this.store.folderRules();
    const fromFolders = folders.flatMap((folder) =>
      rules.filter((r) => key(r.path.replace(/\\+$/, '')) === folder).map((r): SddlEntry => ({ type: 'Allow', flags: ['ID'], rights: FOLDER_RIGHTS[r.rights], sid: this.account(r.identity).sid })),
    );
    return [...fromFolders, ...DRIVE_DEFAULTS];
  }

  /** An account as Windows maps it (a name or a SID), or Windows' refusal. */
  private account(identity: string): ResolvedAccount {
    const wanted = identity.trim().toLowerCase();
    const group = WELL_KNOWN_GROUPS.find((g) => g.sid.toLowerCase() === wanted || g.name.toLowerCase() === wanted);
    if (group) return group;
    const pool = /^IIS APPPOOL\\(.+)$/i.exec(identity.trim());
    if (pool) return { name: `IIS APPPOOL\\${pool[1]}`, sid: appPoolSid(pool[1]) };
    const found = this.store.resolveAccount(identity);
    if (!found) throw new Error(`Some or all identity references could not be translated: ${identity}.`);
    return found;
  }
}

/** IIS derives an app pool identity's SID from the SHA-1 of its upper-cased name (UTF-16): S-1-5-82-a-b-c-d-e. */
function appPoolSid(pool: string): string {
  const hash = createHash('sha1').update(Buffer.from(pool.toUpperCase(), 'utf16le')).digest();
  return `S-1-5-82-${[0, 1, 2, 3, 4].map((i) => hash.readUInt32LE(i * 4)).join('-')}`;
}
