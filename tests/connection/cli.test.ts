import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import type { CliIo } from '../../electron/cli/io';

const rehearse = (url: string, ...more: string[]) => ['test-connection', '--rehearsal', 'async-client-connection', '--sandbox', mkdtempSync(path.join(os.tmpdir(), 'cdx-probe-cli-')), '--url', url, ...more];

function bufferIo() {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), interactive: false, env: {}, cwd: process.cwd(), untilStopped: () => Promise.resolve() };
  return { io, out: () => out, err: () => err };
}

describe('cdx-setup test-connection', () => {
  it('exits 0 and lists every step when the connection works', async () => {
    const b = bufferIo();
    expect(await runCli(rehearse('https://cdx-hq01.contoso.com/AsyncServer', '--nettcp-port', '808'), b.io)).toBe(0);
    expect(b.out()).toContain('ok    The name cdx-hq01.contoso.com resolves: cdx-hq01.contoso.com resolves to 10.20.0.11.');
    expect(b.out()).toContain('ok    NetTcp port 808 answers');
    expect(b.out()).toContain('Every step passed.');
  });

  it('exits 1 naming the failed step and its fix', async () => {
    const b = bufferIo();
    expect(await runCli(rehearse('https://cdx-hq02.contoso.com/AsyncServer'), b.io)).toBe(1);
    expect(b.out()).toContain('FAIL  The certificate is trusted by this computer: cdx-hq02.contoso.com presented a self-signed certificate');
    expect(b.out()).toContain('Fix: A self-signed server certificate must be trusted on every client computer');
    expect(b.out()).toContain('1 step failed.');
  });

  it('prints the API answer with --json', async () => {
    const b = bufferIo();
    expect(await runCli(rehearse('https://cdx-hq01.contoso.com/AsyncServr', '--json'), b.io)).toBe(1);
    const report = JSON.parse(b.out());
    expect(report.steps.find((s: { id: string }) => s.id === 'application-path')).toMatchObject({ status: 'failed' });
  });

  it('exits 2 for a URL or port it cannot probe', async () => {
    for (const args of [rehearse('http://cdx-hq01.contoso.com/AsyncServer'), rehearse('https://cdx-hq01.contoso.com/AsyncServer', '--nettcp-port', '80800'), ['test-connection', '--rehearsal']]) {
      const b = bufferIo();
      expect(await runCli(args, b.io)).toBe(2);
      expect(b.err()).toMatch(/--url|--nettcp-port/);
    }
  });
});
