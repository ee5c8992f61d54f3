import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scenariosRoot } from '../../electron/engine/hosts/create-host';
import type { FileAccessGrant } from '../../electron/engine/hosts/machine/machine';
import { fakeWindows, type FakeState, type FakeWindows } from '../support/fake-windows';

/**
 * A file restricted to a few accounts (Async Client's configuration, which holds a password DPAPI's machine scope
 * protects): the production scripts (file-access-scripts.ts) in pwsh against the fake Windows' Get-Acl, Set-Acl,
 * FileSecurity's protection and SDDL.
 */
const FILE = 'C:\\AsyncClientService\\AsyncClientService.exe.config';
const INHERITED = 'D:AI(A;ID;FA;;;BA)(A;ID;FA;;;SY)(A;ID;0x1200a9;;;BU)';
const GRANTS: FileAccessGrant[] = [
  { identity: 'S-1-5-32-544', rights: 'FullControl' },
  { identity: 'S-1-5-18', rights: 'FullControl' },
  { identity: 'STORE01\\svc-cdx', rights: 'Read' },
];

const computers: FakeWindows[] = [];
afterAll(() => computers.forEach((w) => w.host.close()));

/** The store computer with the file in its install folder; `patch` changes its first state. */
function storeWithFile(patch: (s: FakeState) => void = () => {}) {
  const w = fakeWindows({ scenarioFile: path.join(scenariosRoot(), 'store', 'scenario.json'), patch });
  computers.push(w);
  mkdirSync(w.host.realPath('C:\\AsyncClientService'), { recursive: true });
  writeFileSync(w.host.realPath(FILE), '<configuration />');
  const sid = (name: string) => w.readState().accounts.find((a: { name: string }) => a.name === name).sid as string;
  return { w, m: w.host.machine, sid, changes: () => w.calls().map((c) => c.command) };
}

describe('a file restricted to Administrators, SYSTEM and the service account, in pwsh against the fake Windows', () => {
  it('inherits its folder\'s rules first; restricted, it inherits nothing and has exactly the three rules, by SID; its SDDL written back gives the state back to the byte', async () => {
    const { w, m, sid } = storeWithFile();
    const before = readFileSync(w.stateFile);
    expect(await m.readFileAccess(FILE)).toEqual({ path: FILE, isProtected: false, rules: [], sddl: INHERITED });

    await m.restrictFileAccess(FILE, GRANTS);
    const svc = sid('STORE01\\svc-cdx');
    expect(await m.readFileAccess(FILE)).toEqual({
      path: FILE,
      isProtected: true,
      rules: [
        { sid: 'S-1-5-32-544', rights: 0x1f01ff, type: 'Allow' },
        { sid: 'S-1-5-18', rights: 0x1f01ff, type: 'Allow' },
        { sid: svc, rights: 0x120089, type: 'Allow' },
      ],
      sddl: `D:PAI(A;;FA;;;BA)(A;;FA;;;SY)(A;;FR;;;${svc})`,
    });
    const state = w.readState();
    expect(state.aclProtected).toContain(FILE.toLowerCase());
    expect(state.acl[FILE.toLowerCase()].map((r: { identity: string; rights: string }) => [r.identity, r.rights])).toEqual([
      ['BUILTIN\\Administrators', 'FullControl'],
      ['NT AUTHORITY\\SYSTEM', 'FullControl'],
      ['STORE01\\svc-cdx', 'Read, Synchronize'],
    ]);

    await m.writeFileAccessSddl(FILE, INHERITED);
    expect(await m.readFileAccess(FILE)).toEqual({ path: FILE, isProtected: false, rules: [], sddl: INHERITED });
    expect(readFileSync(w.stateFile).equals(before)).toBe(true);
  });

  it('restricting again replaces the file\'s own rules, and a protected DACL with rules of its own comes back exactly', async () => {
    const { w, m, sid } = storeWithFile();
    await m.restrictFileAccess(FILE, [...GRANTS, { identity: 'S-1-5-32-545', rights: 'Read' }]);
    const withUsers = (await m.readFileAccess(FILE))!.sddl;
    expect(withUsers).toBe(`D:PAI(A;;FA;;;BA)(A;;FA;;;SY)(A;;FR;;;${sid('STORE01\\svc-cdx')})(A;;FR;;;BU)`);
    const state = readFileSync(w.stateFile);
    await m.restrictFileAccess(FILE, GRANTS);
    expect((await m.readFileAccess(FILE))!.rules.map((r) => r.sid)).toEqual(['S-1-5-32-544', 'S-1-5-18', sid('STORE01\\svc-cdx')]);
    await m.writeFileAccessSddl(FILE, withUsers);
    expect((await m.readFileAccess(FILE))!.sddl).toBe(withUsers);
    expect(readFileSync(w.stateFile).equals(state)).toBe(true);
  });

  it('works on a German Windows, where the English names of Administrators and SYSTEM do not translate: the rules go by SID', async () => {
    const { m } = storeWithFile((s) => (s.computer.language = 'de-DE'));
    await expect(m.restrictFileAccess(FILE, [{ identity: 'BUILTIN\\Administrators', rights: 'FullControl' }])).rejects.toThrow(/could not be translated/);
    await m.restrictFileAccess(FILE, GRANTS);
    expect((await m.readFileAccess(FILE))!.sddl).toMatch(/^D:PAI\(A;;FA;;;BA\)\(A;;FA;;;SY\)\(A;;FR;;;S-1-5-21-[\d-]+\)$/);
  });

  it('refuses what Windows refuses, before any change: an account it cannot map, an SDDL it cannot read, a file that is not there', async () => {
    const { w, m, changes } = storeWithFile();
    const before = readFileSync(w.stateFile);
    await expect(m.restrictFileAccess(FILE, [...GRANTS.slice(0, 2), { identity: 'STORE01\\nobody', rights: 'Read' }])).rejects.toThrow(/Restricting .* failed: .*Some or all identity references could not be translated/);
    await expect(m.writeFileAccessSddl(FILE, 'D:PAI(A;;FA;;;BA')).rejects.toThrow(/The SDDL form of a security descriptor object is invalid/);
    await expect(m.writeFileAccessSddl(FILE, 'D:PAI(A;;FA;;;XX)')).rejects.toThrow(/The SDDL form of a security descriptor object is invalid/);
    await expect(m.restrictFileAccess('C:\\AsyncClientService\\missing.config', GRANTS)).rejects.toThrow(/Cannot find path/);
    expect(changes()).toEqual([]);
    expect(readFileSync(w.stateFile).equals(before)).toBe(true);
    // Nothing to read or write back on a file that is gone.
    expect(await m.readFileAccess('C:\\AsyncClientService\\missing.config')).toBeNull();
    await m.writeFileAccessSddl('C:\\AsyncClientService\\missing.config', INHERITED);
    expect(readFileSync(w.stateFile).equals(before)).toBe(true);
  });
});
