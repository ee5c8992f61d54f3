import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenariosRoot } from '../../electron/engine/hosts/create-host';
import { connectionHost, statuses, step, testConnection } from './support';

const certs = path.join(scenariosRoot(), 'async-client-connection', 'certs');
const hqCerts = path.join(scenariosRoot(), 'default', 'certs');
const thumbprint = (file: string) => new X509Certificate(readFileSync(file)).fingerprint.replace(/:/g, '');

// Every answer below comes from a real TLS handshake and a real HTTPS GET against the scenario's servers on loopback.
describe('connection.test on the rehearsal network', () => {
  const host = connectionHost();

  it('passes every step against an Async Server with a certificate from a trusted authority', async () => {
    const r = await testConnection(host, { url: 'https://cdx-hq01.contoso.com/AsyncServer', netTcpPort: 808 });
    expect(r.ok).toBe(true);
    expect(statuses(r)).toEqual({ 'name-resolves': 'passed', 'https-port': 'passed', 'certificate-trusted': 'passed', 'certificate-name': 'passed', 'application-path': 'passed', 'nettcp-port': 'passed' });
    expect(r.certificate).toMatchObject({ subject: 'CN=cdx-hq01.contoso.com, O=Contoso', issuer: 'CN=Contoso Test Root CA, O=Contoso', thumbprint: thumbprint(path.join(hqCerts, 'async-server.pem')), selfSigned: false });
    expect(step(r, 'name-resolves').message).toBe('cdx-hq01.contoso.com resolves to 10.20.0.11.');
  });

  it('skips the NetTcp port without streaming', async () => {
    const r = await testConnection(host, { url: 'https://cdx-hq01.contoso.com/AsyncServer' });
    expect(r.ok).toBe(true);
    expect(step(r, 'nettcp-port')).toMatchObject({ status: 'skipped', message: expect.stringContaining('streaming is not chosen') });
  });

  it('names a self-signed certificate, its thumbprint, and how to trust it on this computer', async () => {
    const r = await testConnection(host, { url: 'https://cdx-hq02.contoso.com/AsyncServer' });
    const trust = step(r, 'certificate-trusted');
    expect(r.ok).toBe(false);
    expect(trust.status).toBe('failed');
    expect(trust.message).toContain('self-signed certificate, CN=cdx-hq02.contoso.com');
    expect(trust.message).toContain(thumbprint(path.join(certs, 'self-signed-hq.pem')));
    expect(trust.message).toMatch(/valid until 2036-/);
    expect(trust.fix).toContain('Local Computer\\Trusted Root Certification Authorities');
    expect(trust.fix).toContain('Import-Certificate -FilePath server.cer -CertStoreLocation Cert:\\LocalMachine\\Root');
    expect(r.certificate?.selfSigned).toBe(true);
    expect(r.certificate?.pem).toBe(readFileSync(path.join(certs, 'self-signed-hq.pem'), 'utf8'));
    // The name and the path are still judged: a self-signed certificate is the only thing wrong.
    expect(statuses(r)).toMatchObject({ 'certificate-name': 'passed', 'application-path': 'passed' });
  });

  it('names an authority this computer does not trust and says to import its root', async () => {
    const r = await testConnection(host, { url: 'https://cdx-hq03.contoso.com/AsyncServer' });
    const trust = step(r, 'certificate-trusted');
    expect(trust.status).toBe('failed');
    expect(trust.message).toContain('does not trust its issuer');
    expect(trust.fix).toContain('"CN=Fabrikam Private Root CA, O=Fabrikam"');
    expect(trust.fix).toContain('Cert:\\LocalMachine\\Root');
  });

  it('says an expired certificate must be renewed on the server, not trusted here', async () => {
    const r = await testConnection(host, { url: 'https://cdx-hq01.contoso.com:444/AsyncServer' });
    const trust = step(r, 'certificate-trusted');
    expect(trust).toMatchObject({ status: 'failed', message: expect.stringContaining('which expired on 2023-01-01') });
    expect(trust.fix).toContain('Renew the certificate');
  });

  it('names a host name the certificate lacks, with the names it has', async () => {
    const r = await testConnection(host, { url: 'https://async.contoso.com/AsyncServer' });
    expect(step(r, 'certificate-trusted').status).toBe('passed');
    expect(step(r, 'certificate-name')).toMatchObject({
      status: 'failed',
      message: 'The certificate async.contoso.com presented is issued to cdx-hq01.contoso.com, cdx-hq01, not to async.contoso.com.',
      fix: expect.stringContaining('Enter a name the certificate has in the URL (cdx-hq01.contoso.com, cdx-hq01)'),
    });
  });

  it('names a wrong web application name (404), and a stopped application (503)', async () => {
    const wrong = await testConnection(host, { url: 'https://cdx-hq01.contoso.com/AsyncServr' });
    expect(step(wrong, 'application-path')).toMatchObject({ status: 'failed', message: expect.stringContaining('no web application at /AsyncServr (it answered 404') });
    expect(step(wrong, 'application-path').fix).toContain('web application name');
    // IIS matches application paths without regard to case, so does the rehearsal's server.
    expect(step(await testConnection(host, { url: 'https://cdx-hq01.contoso.com/asyncserver/' }), 'application-path').status).toBe('passed');
    const stopped = await testConnection(host, { url: 'https://cdx-hq05.contoso.com/AsyncServer' });
    expect(step(stopped, 'application-path')).toMatchObject({ status: 'failed', fix: expect.stringContaining('application pool') });
  });

  it('stops at a name that does not resolve, and at a port that does not answer, saying what was skipped', async () => {
    const unknown = await testConnection(host, { url: 'https://cdx-hq09.contoso.com/AsyncServer', netTcpPort: 808 });
    expect(statuses(unknown)).toEqual({ 'name-resolves': 'failed', 'https-port': 'skipped', 'certificate-trusted': 'skipped', 'certificate-name': 'skipped', 'application-path': 'skipped', 'nettcp-port': 'skipped' });
    expect(step(unknown, 'https-port').message).toBe('Skipped: the name cdx-hq09.contoso.com does not resolve.');
    const silent = await testConnection(host, { url: 'https://cdx-hq04.contoso.com:8443/AsyncServer', netTcpPort: 808 });
    expect(step(silent, 'https-port')).toMatchObject({ status: 'failed', message: expect.stringContaining('Nothing answered on port 8443'), fix: expect.stringContaining('Windows Firewall') });
    expect(step(silent, 'certificate-trusted').status).toBe('skipped');
    expect(step(silent, 'nettcp-port')).toMatchObject({ status: 'failed', message: expect.stringContaining('NetTcp port 808') });
    expect(unknown.certificate).toBeNull();
  });

  it('says the handshake did not complete on a port that is not HTTPS (the NetTcp port given as the HTTPS port)', async () => {
    const r = await testConnection(host, { url: 'https://cdx-hq01.contoso.com:808/AsyncServer' });
    expect(step(r, 'https-port').status).toBe('passed');
    expect(step(r, 'certificate-trusted')).toMatchObject({ status: 'failed', message: expect.stringContaining('did not complete'), fix: expect.stringContaining("the website's HTTPS port (not its HTTP or NetTcp port)") });
    expect(statuses(r)).toMatchObject({ 'certificate-name': 'skipped', 'application-path': 'skipped' });
    expect(r.certificate).toBeNull();
  });

  it('sends an anonymous GET of the application path and nothing else', async () => {
    host.network.received.length = 0;
    await testConnection(host, { url: 'https://cdx-hq01.contoso.com/AsyncServer' });
    expect(host.network.received).toEqual([expect.objectContaining({ method: 'GET', path: '/AsyncServer', address: '10.20.0.11', port: 443 })]);
    expect(host.network.received[0].headers.authorization).toBeUndefined();
    expect(host.network.received[0].headers.host).toBe('cdx-hq01.contoso.com');
  });
});

describe('the trusted pair of the scenario', () => {
  it('passes the self-signed and the Fabrikam servers once their certificates are in Trusted Root Certification Authorities', async () => {
    const host = connectionHost('async-client-connection-trusted');
    for (const url of ['https://cdx-hq02.contoso.com/AsyncServer', 'https://cdx-hq03.contoso.com/AsyncServer']) {
      const r = await testConnection(host, { url });
      expect({ url, ...statuses(r) }).toMatchObject({ url, 'certificate-trusted': 'passed', 'certificate-name': 'passed', 'application-path': 'passed' });
    }
  });
});
