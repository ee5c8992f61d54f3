import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import { cliIo } from '../support/cli-io';
import { allFiles } from './support';
import { REHEARSAL_ACCOUNT_PASSWORD } from '../support/scenario-copy';

const SETTINGS = path.resolve('tests/install/fixtures/ss-settings.xml');
// The password the scenario's service account accepts (the gate checks it), and the canary searched for.
const CANARY = REHEARSAL_ACCOUNT_PASSWORD;

const io = (env: Record<string, string> = {}) => cliIo(env);

function sandbox() {
  return mkdtempSync(path.join(os.tmpdir(), 'cdx-cli-'));
}

describe('cdx-setup plan, deploy, instances, uninstall', () => {
  it('deploys with a credential file, says nothing changed the second time, lists and uninstalls the instance', async () => {
    const box = sandbox();
    const credential = path.join(mkdtempSync(path.join(os.tmpdir(), 'cdx-cred-')), 'password.txt');
    writeFileSync(credential, `${CANARY}\n`);
    const first = io();
    expect(await runCli(['deploy', '--settings', SETTINGS, '--rehearsal', '--sandbox', box, '--credential-file', credential], first.io)).toBe(0);
    // Everything changes but the four services, which the healthy rehearsal server already runs.
    expect(first.out.join('\n')).toMatch(/Installed: \d+ of \d+ operations changed this computer; 4 were already in place/);
    const second = io();
    expect(await runCli(['deploy', '--settings', SETTINGS, '--rehearsal', '--sandbox', box, '--credential-file', credential], second.io)).toBe(0);
    expect(second.out.join('\n')).toMatch(/Nothing changed/);

    const list = io();
    expect(await runCli(['instances', '--json', '--rehearsal', '--sandbox', box], list.io)).toBe(0);
    expect(JSON.parse(list.out.join('')).instances.map((i: { name: string }) => i.name)).toEqual(['AsyncServer']);
    for (const file of allFiles(box)) expect(readFileSync(file, 'utf8'), file).not.toContain(CANARY);

    const removed = io();
    expect(await runCli(['uninstall', '--instance', 'AsyncServer', '--rehearsal', '--sandbox', box], removed.io)).toBe(0);
    const missing = io();
    expect(await runCli(['uninstall', '--instance', 'AsyncServer', '--rehearsal', '--sandbox', box], missing.io)).toBe(2);
    expect(missing.err.join('')).toMatch(/No instance named AsyncServer/);
  });

  it('plan --json lists the steps and changes nothing', async () => {
    const box = sandbox();
    const run = io();
    expect(await runCli(['plan', '--settings', SETTINGS, '--rehearsal', '--sandbox', box, '--json'], run.io)).toBe(0);
    const plan = JSON.parse(run.out.join(''));
    expect(plan.operations.map((o: { kind: string }) => o.kind)).toEqual(expect.arrayContaining(['files', 'iis.site', 'iis.application', 'firewall', 'instance']));
    expect(plan.operations.every((o: { kind: string; done: boolean }) => o.done === (o.kind === 'service'))).toBe(true);
    expect(allFiles(box).filter((f) => f.includes('inetpub'))).toEqual([]);
  });

  it('refuses bad input with exit 2 and changes nothing', async () => {
    const box = sandbox();
    const noPassword = io();
    expect(await runCli(['deploy', '--settings', SETTINGS, '--rehearsal', '--sandbox', box], noPassword.io)).toBe(2);
    expect(noPassword.err.join('')).toMatch(/--credential-file FILE, set CDX_SETUP_PASSWORD/);
    expect(await runCli(['deploy', '--settings', SETTINGS, '--password', 'x', '--rehearsal', '--sandbox', box], io().io)).toBe(2);
    const badFile = path.join(box, 'bad.xml');
    writeFileSync(badFile, '<Settings><Setting key="WebSiteHttpsport" value="1"/></Settings>');
    const bad = io({ CDX_SETUP_PASSWORD: CANARY });
    expect(await runCli(['deploy', '--settings', badFile, '--rehearsal', '--sandbox', box], bad.io)).toBe(2);
    expect(bad.err.join('')).toMatch(/use "WebSiteHttpsPort"/);
    expect(allFiles(box).filter((f) => f.includes('inetpub'))).toEqual([]);
  });

  it('exits 3 when the certificate has no private key, before changing anything', async () => {
    const box = sandbox();
    const file = path.join(box, 'nokey.xml');
    const pem = readFileSync('electron/engine/hosts/rehearsal/scenarios/default/certs/no-private-key.pem', 'utf8');
    const { X509Certificate } = await import('node:crypto');
    const thumbprint = new X509Certificate(pem).fingerprint.replace(/:/g, '');
    writeFileSync(file, readFileSync(SETTINGS, 'utf8').replace('D0743827EFD9BFA20059CE80157DF8B8B74EE50B', thumbprint));
    const run = io({ CDX_SETUP_PASSWORD: CANARY });
    expect(await runCli(['deploy', '--settings', file, '--rehearsal', '--sandbox', box], run.io)).toBe(3);
    expect(run.out.join('\n')).toMatch(/Error +SSL certificate[\s\S]*private key/);
  });
});

describe('on a computer that is neither Windows nor rehearsing', () => {
  it('plan still shows the steps, and deploy refuses with exit 3 and writes nothing', async () => {
    if (process.platform === 'win32') return;
    const box = sandbox();
    const planned = io();
    expect(await runCli(['plan', '--settings', SETTINGS, '--sandbox', box], planned.io)).toBe(0);
    const run = io({ CDX_SETUP_PASSWORD: CANARY });
    expect(await runCli(['deploy', '--settings', SETTINGS, '--sandbox', box], run.io)).toBe(3);
    expect(run.out.join('')).toMatch(/not Windows: nothing can be installed here.*--rehearsal/);
    expect(allFiles(box).filter((f) => f.includes('inetpub'))).toEqual([]);
  });
});
