import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { KEY_READ_RULE } from '../../electron/engine/hosts/machine/key-rights';
import { fakeWindows, type FakeWindows } from '../support/fake-windows';
import { defaultScenarioCopy } from '../support/scenario-copy';

const THUMBPRINT = 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B';
const NO_KEY = '5003223A83C72CAF73C10884D1DD72F1CFBD0BD7';
const POOL = { name: 'AsyncServer', identityType: 'ApplicationPoolIdentity' as const, userName: '', managedRuntimeVersion: 'v4.0', pipelineMode: 'Integrated' as const };

/** The default scenario with the Async Server certificate's key stored as `key` says. */
const withKey = (key: Record<string, unknown>) =>
  defaultScenarioCopy((s) => {
    s.certificates[0].key = key;
  });

/** A key file's explicit rules in the fake's state, as [identity, rights]. */
const rulesOf = (w: FakeWindows, file: string) => (w.readState().acl[file.toLowerCase()] ?? []).map((r: { identity: string; rights: string }) => [r.identity, r.rights]);

describe.each([
  { provider: 'CSP', folder: 'C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys\\', key: { provider: 'CSP', name: 'a1b2c3d4e5f60718293a4b5c6d7e8f90_8f6d2b1e-4c3a-4e59-9b7d-0a1c2e3f4d5b' } },
  { provider: 'CNG', folder: 'C:\\ProgramData\\Microsoft\\Crypto\\Keys\\', key: { provider: 'CNG', name: 'de7cf8a7901d2ad13e5c67c29e5d1662_8f6d2b1e-4c3a-4e59-9b7d-0a1c2e3f4d5b' } },
])('the private key of a certificate with a $provider key, in pwsh against the fake Windows', ({ provider, folder, key }) => {
  const w = fakeWindows({ scenarioFile: withKey(key) });
  const m = w.host.machine;
  afterAll(() => w.host.close());
  const file = `${folder}${key.name}`;

  it('is found where its provider keeps machine keys, its permissions readable by the installing user', async () => {
    expect(await m.findCertificateKey(THUMBPRINT, 'My')).toEqual({ status: 'found', provider, file, aclReadable: true });
    expect(existsSync(w.host.realPath(file))).toBe(true);
  });

  it('gets Read for the app pool identity and loses exactly that rule again, the other rules untouched', async () => {
    const before = readFileSync(w.stateFile);
    await m.writeAppPool(POOL);
    const afterPool = readFileSync(w.stateFile);
    for (const identity of ['IIS AppPool\\AsyncServer', 'S-1-5-20', 'CONTOSO\\svc-async']) {
      expect(await m.readKeyAccess(file, identity)).toBeNull();
      await m.writeKeyAccess({ file, identity, rights: KEY_READ_RULE });
      expect(await m.readKeyAccess(file, identity)).toEqual({ file, identity, rights: KEY_READ_RULE });
    }
    expect(rulesOf(w, file)).toEqual([
      ['NT AUTHORITY\\SYSTEM', 'FullControl'],
      ['BUILTIN\\Administrators', 'FullControl'],
      ['IIS APPPOOL\\AsyncServer', 'Read, Synchronize'],
      ['NT AUTHORITY\\NETWORK SERVICE', 'Read, Synchronize'],
      ['CONTOSO\\svc-async', 'Read, Synchronize'],
    ]);
    // Rights as they were read are written back as they were: Full control on top of Read, then Read again.
    await m.writeKeyAccess({ file, identity: 'CONTOSO\\svc-async', rights: 0x1f01ff });
    expect(await m.readKeyAccess(file, 'CONTOSO\\svc-async')).toMatchObject({ rights: 0x1f01ff });
    await m.writeKeyAccess({ file, identity: 'CONTOSO\\svc-async', rights: KEY_READ_RULE });
    for (const identity of ['CONTOSO\\svc-async', 'S-1-5-20', 'IIS AppPool\\AsyncServer']) await m.removeKeyAccess(file, identity);
    expect(readFileSync(w.stateFile).equals(afterPool)).toBe(true);
    await m.removeAppPool(POOL.name);
    expect(readFileSync(w.stateFile).equals(before)).toBe(true);
  });

  it('refuses an account Windows cannot map, and a pool identity whose pool does not exist, changing nothing', async () => {
    const before = readFileSync(w.stateFile);
    for (const identity of ['CONTOSO\\nobody', 'IIS AppPool\\NoSuchPool']) {
      await expect(m.writeKeyAccess({ file, identity, rights: KEY_READ_RULE })).rejects.toThrow(/identity references could not be translated/);
    }
    expect(readFileSync(w.stateFile).equals(before)).toBe(true);
  });
});

describe('a private key Setup cannot give access to, in pwsh against the fake Windows', () => {
  const fakes: FakeWindows[] = [];
  const fake = (scenarioFile?: string) => {
    const w = fakeWindows(scenarioFile ? { scenarioFile } : {});
    fakes.push(w);
    return w;
  };
  afterAll(() => Promise.all(fakes.map((w) => w.host.close())));

  it('says which: no certificate, no private key, or a key whose file is not on the computer', async () => {
    const m = fake().host.machine;
    expect(await m.findCertificateKey('00000000000000000000000000000000000000AA', 'My')).toEqual({ status: 'no-certificate' });
    expect(await m.findCertificateKey(NO_KEY, 'My')).toEqual({ status: 'no-private-key' });
    // The store is part of where it is: the certificate is in My, not in WebHosting.
    expect(await m.findCertificateKey(THUMBPRINT, 'WebHosting')).toEqual({ status: 'no-certificate' });
    const missing = fake(withKey({ provider: 'CNG', name: 'gone', onDisk: false })).host.machine;
    expect(await missing.findCertificateKey(THUMBPRINT, 'My')).toEqual({ status: 'file-missing', provider: 'CNG', file: 'C:\\ProgramData\\Microsoft\\Crypto\\Keys\\gone' });
  });

  it('says when the installing user cannot read the key file\'s permissions, and Get-Acl is refused as on Windows', async () => {
    const w = fake(withKey({ provider: 'CSP', name: 'system-only', rules: [{ identity: 'NT AUTHORITY\\SYSTEM', rights: 'FullControl' }] }));
    const file = 'C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys\\system-only';
    expect(await w.host.machine.findCertificateKey(THUMBPRINT, 'My')).toEqual({ status: 'found', provider: 'CSP', file, aclReadable: false });
    await expect(w.host.machine.readKeyAccess(file, 'CONTOSO\\svc-async')).rejects.toThrow(/unauthorized operation/);
    await expect(w.host.machine.writeKeyAccess({ file, identity: 'CONTOSO\\svc-async', rights: KEY_READ_RULE })).rejects.toThrow(/unauthorized operation/);
  });

  it('refuses a rule with inheritance flags on a file, as .NET\'s FileSecurity does', async () => {
    const w = fake();
    const { file } = (await w.host.machine.findCertificateKey(THUMBPRINT, 'My')) as { file: string };
    const outcome = await w.host.powershell.run(
      "$acl = Get-Acl -LiteralPath $Data.file; $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule('CONTOSO\\svc-async', 'Read', 'ContainerInherit,ObjectInherit', 'None', 'Allow')))",
      { file },
    );
    expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(/No flags can be set/) });
  });
});
