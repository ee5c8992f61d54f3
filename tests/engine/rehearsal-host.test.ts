import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenariosRoot } from '../../electron/engine/hosts/create-host';
import { rehearsalEngine, rehearsalHost } from '../support/rehearsal';

const certs = path.join(scenariosRoot(), 'default', 'certs');

function opensslThumbprint(file: string): string {
  return execFileSync('openssl', ['x509', '-in', file, '-noout', '-fingerprint', '-sha1'], { encoding: 'utf8' }).split('=')[1].trim().replace(/:/g, '');
}

describe('the default rehearsal scenario', () => {
  it('lists the store\'s certificates with thumbprints computed from the PEM files, as Windows computes them', async () => {
    const host = rehearsalHost();
    const list = await host.listCertificates('LocalMachine', 'My');
    const byFile = (name: string) => list.find((c) => c.thumbprint === opensslThumbprint(path.join(certs, name)));
    expect(list).toHaveLength(3);
    expect(byFile('async-server.pem')).toMatchObject({ hasPrivateKey: true, expired: false, serverAuthentication: true, selfSigned: false, friendlyName: 'cdx-hq01.contoso.com' });
    expect(byFile('expired.pem')).toMatchObject({ hasPrivateKey: true, expired: true });
    expect(byFile('no-private-key.pem')).toMatchObject({ hasPrivateKey: false, expired: false });
    expect(byFile('async-server.pem')!.thumbprint).toBe('D0743827EFD9BFA20059CE80157DF8B8B74EE50B');
  });

  it('maps Windows paths into its sandbox and refuses to climb out', () => {
    const host = rehearsalHost();
    expect(host.realPath('C:\\inetpub\\AsyncServerSite')).toBe(path.join(host.sandboxRoot, 'drives', 'C', 'inetpub', 'AsyncServerSite'));
    expect(() => host.realPath('C:\\inetpub\\..\\..\\etc')).toThrow('..');
    expect(() => host.realPath('inetpub')).toThrow('not a full Windows path');
  });

  it('remembers the Setup support files location chosen on the first page, inside the sandbox', async () => {
    const { engine, host } = rehearsalEngine();
    expect(await engine.dispatch('session.info', {})).toMatchObject({ ok: true, value: { supportFilesLocation: null, host: { kind: 'rehearsal' } } });
    expect(await engine.dispatch('supportFiles.choose', { location: '%ProgramData%\\CDX Logs' })).toEqual({ ok: true, value: { location: 'C:\\ProgramData\\CDX Logs' } });
    expect(existsSync(host.realPath('C:\\ProgramData\\CDX Logs'))).toBe(true);
    expect(await engine.dispatch('session.info', {})).toMatchObject({ ok: true, value: { supportFilesLocation: 'C:\\ProgramData\\CDX Logs' } });
    expect(await engine.dispatch('supportFiles.choose', { location: 'logs here' })).toMatchObject({ ok: false, error: { code: 'bad-request', field: 'location' } });
  });

  it('refuses a broken scenario file with its name and the problem', () => {
    const file = path.join(scenariosRoot(), 'default', 'certs', 'async-server.pem');
    expect(readFileSync(file, 'utf8')).toContain('BEGIN CERTIFICATE');
    expect(() => rehearsalHost(file)).toThrow(/async-server\.pem is not valid JSON/);
  });
});
