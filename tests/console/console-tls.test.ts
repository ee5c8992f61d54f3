import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import https from 'node:https';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import { consoleHostNames, hostAllowed } from '../../electron/console/host-names';
import { startConsole } from '../../electron/console/server';
import { BOOTSTRAP, envelope, parsePowerShellOutput, type PowerShellOutcome, type PowerShellRunner } from '../../electron/engine/hosts/windows/powershell';
import { exportStoreCertificate, EXPORT_CERTIFICATE_SCRIPT } from '../../electron/engine/hosts/windows/export-certificate';
import { cliIo } from '../support/cli-io';
import { rehearsalEngine } from '../support/rehearsal';
import { pwshPath } from '../support/windows-tools';

const CERTS = path.resolve('electron/engine/hosts/rehearsal/scenarios/default/certs');
const ROOT_CA = readFileSync(path.join(CERTS, 'contoso-root-ca.pem'));
const ASYNC_SERVER = 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B';
const NO_KEY = '5003223A83C72CAF73C10884D1DD72F1CFBD0BD7';
const STATIC = mkdtempSync(path.join(os.tmpdir(), 'cdx-tls-static-'));
writeFileSync(path.join(STATIC, 'index.html'), '<!doctype html><html><head><title>CDX Setup</title></head><body></body></html>');
const SANDBOX = mkdtempSync(path.join(os.tmpdir(), 'cdx-tls-machine-'));

/** An HTTPS request that trusts only the scenario's root CA and names the server as a browser on another computer would. */
function httpsGet(port: number, name: string, pathAndQuery = '/') {
  return new Promise<{ status: number; thumbprint: string }>((resolve, reject) => {
    const req = https.request({ host: '127.0.0.1', port, path: pathAndQuery, servername: name, ca: ROOT_CA, headers: { Host: `${name}:${port}` }, checkServerIdentity: () => undefined }, (res) => {
      const peer = (res.socket as import('node:tls').TLSSocket).getPeerCertificate();
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, thumbprint: peer.fingerprint.replace(/:/g, '') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** `cdx-setup console` in this process, stopped when the test says so. */
function consoleRun(args: string[]) {
  let stop!: () => void;
  const stopped = new Promise<void>((r) => (stop = r));
  const b = cliIo({ CDX_SETUP_RENDERER: STATIC });
  b.io.untilStopped = () => stopped;
  const code = runCli(['console', ...args], b.io);
  const url = async () => {
    for (let i = 0; i < 200 && !b.out.join('').includes('CDX Setup console:'); i++) await new Promise((r) => setTimeout(r, 25));
    const line = b.out.join('');
    if (!line.includes('CDX Setup console:')) throw new Error(`the console did not start: ${b.err.join('\n')}`);
    return new URL(line.split('CDX Setup console: ')[1].trim());
  };
  return { code, url, stop, ...b };
}

describe('cdx-setup console over TLS with a store certificate', () => {
  it('serves the certificate of Cert:\\LocalMachine\\My named by its thumbprint, as pasted from the certificate dialog', async () => {
    const pasted = `\u200ed0 74 38 27 ef d9 bf a2 00 59 ce 80 15 7d f8 b8 b7 4e e5 0b`;
    const run = consoleRun(['--rehearsal', '--sandbox', SANDBOX, '--listen', '0.0.0.0', '--tls-thumbprint', pasted]);
    const url = await run.url();
    expect(url.protocol).toBe('https:');
    const port = Number(url.port);
    const page = await httpsGet(port, 'cdx-hq01.contoso.com', `/?token=${url.searchParams.get('token')}`);
    expect(page).toEqual({ status: 303, thumbprint: ASYNC_SERVER });
    // A name the certificate does not carry is another site's page reaching this address (DNS rebinding).
    expect((await httpsGet(port, 'evil.example')).status).toBe(421);
    run.stop();
    expect(await run.code).toBe(0);
  });

  it('refuses a certificate without its private key, an unknown thumbprint and a malformed one, before listening', async () => {
    for (const [thumbprint, message] of [
      [NO_KEY, /has no private key/],
      ['0000000000000000000000000000000000000000', /No certificate with the thumbprint 0{40} is in Cert:\\LocalMachine\\My/],
      ['D0743827EFD9', /40 hexadecimal digits/],
    ] as const) {
      const run = consoleRun(['--rehearsal', '--sandbox', SANDBOX, '--listen', '0.0.0.0', '--tls-thumbprint', thumbprint]);
      expect(await run.code).toBe(2);
      expect(run.err.join('\n')).toMatch(message);
      expect(run.out.join('')).not.toContain('CDX Setup console:');
    }
  });

  it('takes one certificate: files or a thumbprint, not both; beyond loopback one of them', async () => {
    const both = cliIo();
    expect(await runCli(['console', '--rehearsal', '--tls-cert', 'a.pem', '--tls-key', 'a.key', '--tls-thumbprint', ASYNC_SERVER], both.io)).toBe(2);
    expect(both.err.join('')).toContain('not both');
    const none = cliIo();
    expect(await runCli(['console', '--rehearsal', '--listen', '10.0.0.5'], none.io)).toBe(2);
    expect(none.err.join('')).toContain('--tls-thumbprint THUMBPRINT');
  });
});

describe('the certificate export on Windows, in real PowerShell', () => {
  /**
   * The production script and bootstrap in pwsh, with the store faked by a Get-ChildItem function that answers
   * Cert:\LocalMachine\My (and only it) with X509Certificate2 objects read from the scenario's PEM files.
   */
  const fakeStore = `
function Get-ChildItem { param([string]$Path)
  if ($Path -ne 'Cert:\\LocalMachine\\My') { throw "Cannot find drive. A drive with the name '$Path' does not exist." }
  [System.Security.Cryptography.X509Certificates.X509Certificate2]::CreateFromPemFile('${CERTS}/async-server.pem', '${CERTS}/async-server.key')
  New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 ('${CERTS}/no-private-key.pem')
}`;
  const seen: string[][] = [];
  const pwsh: PowerShellRunner = {
    run: <T,>(script: string, data?: unknown) =>
      new Promise<PowerShellOutcome<T>>((resolve) => {
        const args = ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', `${fakeStore}\n${BOOTSTRAP}`];
        seen.push(args);
        const child = spawn(pwshPath(), args);
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('close', () => resolve(parsePowerShellOutput<T>(out, err)));
        child.stdin.end(envelope(script, data));
      }),
  };

  it('exports the PFX with a one-time password that travels on standard input, and the console serves it', async () => {
    const exported = await exportStoreCertificate(pwsh, ASYNC_SERVER);
    expect('pfx' in exported.tls && exported.tls.passphrase.length).toBeGreaterThanOrEqual(24);
    const passphrase = (exported.tls as { passphrase: string }).passphrase;
    expect(seen.flat().join(' ')).not.toContain(passphrase);
    expect(exported.certificate.fingerprint.replace(/:/g, '')).toBe(ASYNC_SERVER);

    const running = await startConsole({ engine: rehearsalEngine().engine, staticRoot: STATIC, listen: '0.0.0.0', tls: exported });
    try {
      expect(await httpsGet(running.port, 'cdx-hq01', '/')).toEqual({ status: 401, thumbprint: ASYNC_SERVER });
    } finally {
      await running.close();
    }
  }, 60_000);

  it('says so when the certificate has no private key or is not in the store', async () => {
    await expect(exportStoreCertificate(pwsh, NO_KEY)).rejects.toThrow(`The certificate ${NO_KEY} in Cert:\\LocalMachine\\My has no private key.`);
    await expect(exportStoreCertificate(pwsh, 'AB'.repeat(20))).rejects.toThrow(/No certificate with the thumbprint A?B?/);
    expect(EXPORT_CERTIFICATE_SCRIPT).not.toMatch(/password\s*=|-Password/);
  }, 60_000);

  it('names a key Windows will not export, and what to do instead', async () => {
    const refused: PowerShellRunner = { run: async () => ({ ok: false, error: 'Key not valid for use in specified state.' }) };
    await expect(exportStoreCertificate(refused, ASYNC_SERVER)).rejects.toThrow(/not exportable.*--tls-cert FILE and --tls-key FILE/);
  });
});

describe('the names the console answers to beyond loopback', () => {
  const cert = new X509Certificate(readFileSync(path.join(CERTS, 'async-server.pem')));

  it('are the certificate\'s names and the address listened on, in any case, with the port', () => {
    const names = consoleHostNames('10.0.0.5', cert);
    expect(hostAllowed('CDX-HQ01.contoso.com:8443', names, 8443)).toBe(true);
    expect(hostAllowed('10.0.0.5:8443', names, 8443)).toBe(true);
    expect(hostAllowed('cdx-hq01.contoso.com:9999', names, 8443)).toBe(false);
    expect(hostAllowed('attacker.example:8443', names, 8443)).toBe(false);
    expect(hostAllowed(undefined, names, 8443)).toBe(false);
  });

  it('a wildcard certificate name covers one label only', () => {
    const names = { names: [], wildcards: ['.contoso.com'] };
    expect(hostAllowed('cdx-hq02.contoso.com:1', names, 1)).toBe(true);
    expect(hostAllowed('a.b.contoso.com:1', names, 1)).toBe(false);
    expect(hostAllowed('.contoso.com:1', names, 1)).toBe(false);
  });
});
