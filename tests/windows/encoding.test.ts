import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeWindows } from '../support/fake-windows';
import { pwshPath } from '../support/windows-tools';

/**
 * pwsh on Linux takes its console encoding from LC_ALL (LANG=C keeps UTF-8), as Windows PowerShell takes the
 * console's code page: under ISO-8859-1, `ł` cannot even be written, and UTF-8 bytes read in come out as `Ã…`.
 */
const LATIN1 = { LANG: '', LC_ALL: 'en_US.ISO-8859-1' };
const PASSWORD = 'Pässwörd-łő-Canary';
const ACCOUNT = 'CONTOSO\\jürgen.łő';
const SITE = 'Bérház-Łódź';
const FOLDER = 'C:\\inetpub\\Bérház-Łódź';

describe('UTF-8 both ways, under a console that is not UTF-8', () => {
  it('is a console that corrupts ä, ł and ő for a plain PowerShell read and write (the control)', () => {
    // What PowerShell holds after reading the line: the characters' code points.
    const echo = spawnSync(pwshPath(), ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', '[Console]::InputEncoding.WebName; ([int[]][char[]][Console]::In.ReadLine()) -join ","'], {
      input: 'äłő\n',
      env: { ...process.env, ...LATIN1 },
      encoding: 'utf8',
    });
    const [encoding, echoed] = echo.stdout.trim().split('\n');
    expect(encoding).toBe('iso-8859-1');
    expect(echoed).not.toBe([...'äłő'].map((c) => c.codePointAt(0)).join(','));
    expect(echoed).toBe([...Buffer.from('äłő', 'utf8')].join(','));
  });

  const w = fakeWindows({ env: LATIN1, patch: (s) => s.accounts.push({ name: ACCOUNT, sid: 'S-1-5-21-3623811015-3361044348-30300820-1190' }) });
  const m = w.host.machine;
  afterAll(() => w.host.close());

  it('writes a password, an account, a site name and a folder with ä, ł and ő as they are, and reads them back so', async () => {
    const pool = { name: 'AsyncServer', identityType: 'SpecificUser' as const, userName: ACCOUNT, managedRuntimeVersion: 'v4.0', pipelineMode: 'Integrated' as const };
    await m.writeAppPool(pool, PASSWORD);
    const state = w.readState();
    expect(state.iis.appPools[1].processModel).toEqual({ identityType: 'SpecificUser', userName: ACCOUNT, passwordSha256: createHash('sha256').update(PASSWORD, 'utf8').digest('hex') });
    expect(await m.readAppPool('AsyncServer')).toEqual(pool);

    const site = { name: SITE, physicalPath: FOLDER, appPool: 'AsyncServer', bindings: [{ protocol: 'https' as const, bindingInformation: '*:8443:', certificateThumbprint: 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B', certificateStore: 'My' }], enabledProtocols: 'https' };
    await m.writeSite(site);
    expect(existsSync(w.host.realPath(FOLDER))).toBe(true);
    expect(w.readState().iis.sites[1]).toMatchObject({ name: SITE, applications: [{ physicalPath: FOLDER }] });
    // Read back and written again (what an operation does with what it read): nothing is garbled on the way.
    const read = await m.readSite(SITE);
    expect(read).toEqual(site);
    await m.writeSite(read!);
    expect(w.readState().iis.sites[1].applications[0].physicalPath).toBe(FOLDER);

    await m.writeAccess({ path: FOLDER, identity: ACCOUNT, rights: 'ReadAndExecute' });
    expect(await m.readAccess(FOLDER, ACCOUNT)).toEqual({ path: FOLDER, identity: ACCOUNT, rights: 'ReadAndExecute' });
    expect(readFileSync(w.stateFile, 'utf8')).not.toContain(PASSWORD);
  });
});
