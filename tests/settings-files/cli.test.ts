import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import { bufferIo, CANARY, fixture, tempDir } from './helpers';

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(['settings', ...argv], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('cdx-setup settings', () => {
  it('validate: exit 0 for a good file, in any encoding', async () => {
    for (const name of ['attribute-shape.xml', 'notepad-unicode-le.xml', 'unicode-be.xml', 'element-shape.xml']) {
      const r = await cli('validate', fixture(name));
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('is valid');
    }
  });

  it('validate: exit 2 and every problem, each with file:line and key', async () => {
    const r = await cli('validate', fixture('bad-values.xml'));
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual([
      `${fixture('bad-values.xml')}:5: error: AppPoolUser: Include the domain: DOMAIN\\svc-async, svc-async@domain, or .\\svc-async for a local account.`,
      `${fixture('bad-values.xml')}:6: error: WebSiteHttpsPort: Port 70000 is out of range: use a number from 1 to 65535.`,
      `${fixture('bad-values.xml')}:8: error: WebSiteSSLCertificateThumbprint: A thumbprint has 40 hexadecimal digits; this one has 38.`,
      `${fixture('bad-values.xml')}:9: error: WebApplicationWorkingFolder: WebApplicationWorkingFolder refers to [WebSiteFolder], which is not a parameter.`,
    ]);
    expect(r.out).toContain('4 errors, 0 warnings. Nothing was changed.');
  });

  it.each(['xxe-system.xml', 'billion-laughs.xml', 'binary-junk.bin', 'truncated.xml', 'wrong-case-key.xml', 'misspelled-key.xml', 'duplicate-key.xml', 'empty.xml'])(
    'validate: %s exits 2 with the file and line',
    async (name) => {
      const r = await cli('validate', fixture(name));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`${fixture(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:\\d+)?: error: `));
    },
  );

  it('validate: the password in a parameter file is never printed', async () => {
    const r = await cli('validate', fixture('ax-setup-parameters.txt'));
    expect(r.code).toBe(0);
    expect(r.out + r.err).not.toContain(CANARY);
    const p = await cli('validate', fixture('password.xml'));
    expect(p.code).toBe(2);
    expect(p.out + p.err).not.toContain(CANARY);
  });

  it('show: value as written, default used and value expanded on the rehearsal computer', async () => {
    const r = await cli('show', fixture('element-shape.xml'), '--rehearsal', '--sandbox', tempDir());
    expect(r.code, r.err).toBe(0);
    const row = (name: string) => r.out.split('\n').find((l) => l.startsWith(`${name} `)) ?? '';
    expect(row('AppPoolName')).toMatch(/^AppPoolName\s+\(empty\)\s+AsyncServer \(default\)$/);
    expect(row('WebSiteTcpPort')).toMatch(/\(empty\)\s+808 \(default\)/);
    expect(row('WebApplicationWorkingFolder')).toMatch(/\(not in file\)\s+\[WebSiteWorkingFolder\]\\\[WebApplicationName\] \(default\)\s+D:\\inetpub\\AsyncServerSiteEU\\AsyncServerEU$/);
  });

  it('show --json: the same, for scripts; defaults expand with the host environment', async () => {
    const r = await cli('show', fixture('attribute-shape.xml'), '--json', '--rehearsal', '--sandbox', tempDir());
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as { parameters: { name: string; written: string | null; defaultUsed: boolean; value: string; expanded: string; line: number | null }[]; encoding: string };
    const site = json.parameters.find((p) => p.name === 'WebSiteWorkingFolder')!;
    expect(site).toEqual({ name: 'WebSiteWorkingFolder', written: '%SystemDrive%\\inetpub\\AsyncServerSite', line: 19, defaultUsed: false, value: '%SystemDrive%\\inetpub\\AsyncServerSite', expanded: 'C:\\inetpub\\AsyncServerSite' });
    const override = json.parameters.find((p) => p.name === 'HQMessageDatabaseServerOverride')!;
    expect(override).toMatchObject({ written: '', defaultUsed: true, value: '[HQMessageDatabaseServerName]', expanded: 'SQLHQ01' });
    // The thumbprint copied with spaces is shown as the plan will use it.
    expect(json.parameters.find((p) => p.name === 'WebSiteSSLCertificateThumbprint')!.value).toBe('D0743827EFD9BFA20059CE80157DF8B8B74EE50B');
  });

  it('show: exit 2 for a file it cannot read', async () => {
    const r = await cli('show', fixture('xxe-system.xml'));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
  });

  it('convert: a parameter file to ss-settings.xml, written with --out and readable again', async () => {
    const out = path.join(tempDir(), 'ss-settings.xml');
    const r = await cli('convert', fixture('ax-setup-parameters.txt'), '--to', 'ss-settings.xml', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`Wrote ${out}`);
    expect(readFileSync(out, 'utf8')).not.toContain(CANARY);
    const back = await cli('show', out, '--json');
    const json = JSON.parse(back.out) as { parameters: { name: string; value: string }[] };
    expect(json.parameters.find((p) => p.name === 'HQMessageDatabaseServerNamedInstanceName')!.value).toBe('SQLHQ01\\AX');
  });

  it('convert: to stdout without --out; refuses other formats and broken files, writing nothing', async () => {
    const r = await cli('convert', fixture('element-shape.xml'), '--to', 'ss-settings.xml');
    expect(r.code).toBe(0);
    expect(r.out).toContain('<Setting key="WebSiteName" value="AsyncServerSiteEU" />');
    expect((await cli('convert', fixture('element-shape.xml'), '--to', 'json')).code).toBe(2);
    expect((await cli('convert', fixture('element-shape.xml'))).code).toBe(2);
    const dir = tempDir();
    const out = path.join(dir, 'out.xml');
    writeFileSync(out, 'before');
    const bad = await cli('convert', fixture('misspelled-key.xml'), '--to', 'ss-settings.xml', '--out', out);
    expect(bad.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('before');
    expect(readdirSync(dir)).toEqual(['out.xml']);
  });

  it('usage errors exit 2', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('validate')).code).toBe(2);
    expect((await cli('validate', 'a', 'b')).code).toBe(2);
    expect((await cli('show', fixture('element-shape.xml'), '--jsn')).err).toContain('Did you mean --json?');
  });
});
