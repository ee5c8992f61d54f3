import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import type { CliIo } from '../../electron/cli/io';
import { ValidationReport } from '../../shared/prerequisites/report';
import { ALL_CHECKS } from '../../electron/engine/prerequisites/checks/index';
import { cliIo } from '../support/cli-io';
import { SCENARIOS, tempDir } from './helpers';
import { REHEARSAL_ACCOUNT_PASSWORD } from '../support/scenario-copy';

function bufferIo(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += `${t}\n`),
    err: (t: string) => void (io.stderr += `${t}\n`),
    interactive: false,
    env: {},
    cwd: process.cwd(),
    untilStopped: async () => {},
  };
  return io;
}

const validate = async (...args: string[]) => {
  const io = bufferIo();
  const code = await runCli(['validate', ...args], io);
  return { code, ...io };
};

describe('cdx-setup validate', () => {
  it.skipIf(process.platform === 'win32')('on this computer (not Windows) exits 3 with the OS error, having really run every portable check', async () => {
    const { code, stdout } = await validate('--sandbox', tempDir(), '--json');
    expect(code).toBe(3);
    const report = ValidationReport.parse(JSON.parse(stdout));
    expect(report.computer.hostKind).toBe('unsupported');
    const byId = Object.fromEntries(report.results.map((r) => [r.id, r]));
    expect(byId['os-version'].status).toBe('error');
    expect(byId['os-version'].details).toContain('Windows Server');
    expect(byId['os-version'].fix).toContain('--rehearsal');
    // Ports (a real bind), disk space (statfs) and folders ran; the payload has no folder to check.
    for (const id of ['ports', 'disk-space', 'working-folders']) expect(byId[id].status, id).not.toBe('not-applicable');
    expect(byId['ports'].details).toMatch(/TCP port 808/);
    expect(report.summary.errors).toBe(1);
  });

  it('exits 0 on the default rehearsal scenario, with a readable table', async () => {
    const { code, stdout } = await validate('--rehearsal', '--sandbox', tempDir());
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Passed {11}IIS role services$/m);
    expect(stdout).toContain('Prerequisites are met.');
  });

  it('exits 3 on the failure scenario, naming the busy port, the certificate without a private key and the missing role service, with fixes', async () => {
    const settings = path.join(SCENARIOS, 'prereq-failures/ss-settings.xml');
    const { code, stdout } = await validate('--rehearsal', 'prereq-failures', '--sandbox', tempDir(), '--settings', settings);
    expect(code).toBe(3);
    const flat = stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('HTTPS port 8443 is in use');
    expect(flat).toContain('its private key is not in the store');
    expect(flat).toContain('WCF Services: HTTP Activation (NET-WCF-HTTP-Activation45)');
    expect(flat).toContain('Fix: Install it with Add Roles and Features');
    expect(flat).toContain('Fix: Choose another port');
    expect(flat).toContain('Fix: Import the certificate again from a PFX file');
    expect(flat).toMatch(/\d+ passed, 0 warnings, 3 errors, \d+ not applicable/);
  });

  it('names the databases SQL Server lists but cannot read, beside the message database it can', async () => {
    const dir = tempDir();
    const settings = path.join(dir, 'settings.xml');
    writeFileSync(settings, readFileSync(path.join(SCENARIOS, 'prereq-failures/ss-settings.xml'), 'utf8').replace('value="AsyncServerMessageDB"', 'value="NewMessageDB"'));
    const { stdout } = await validate('--rehearsal', 'sql-unreadable', '--sandbox', path.join(dir, 'box'), '--settings', settings);
    const flat = stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('4 databases could not be read, so whether they are message databases is not known: ArchiveDB (it is offline); AsyncServerMessageDB_PS (it is an availability group secondary replica that does not allow reads);');
  });

  it('on a terminal, shows each check as it finishes', async () => {
    const io = { ...bufferIo(), interactive: true };
    let streamed = '';
    io.err = (t: string) => void (streamed += `${t}\n`);
    expect(await runCli(['validate', '--rehearsal', '--sandbox', tempDir()], io)).toBe(0);
    expect(streamed.match(/^Passed {11}.+$/gm)).toHaveLength(13);
  });

  it('writes the HTML and JSON report with --report', async () => {
    const dir = tempDir();
    const { code, stderr } = await validate('--rehearsal', '--sandbox', tempDir(), '--report', path.join(dir, 'report.html'));
    expect(code).toBe(0);
    expect(stderr).toContain('Report written');
    const report = ValidationReport.parse(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')));
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    for (const check of ALL_CHECKS) expect(html).toContain(check.title.replace(/'/g, '&#39;'));
    expect(report.results).toHaveLength(ALL_CHECKS.length);
  });

  it('exits 2 on bad input: an unknown component, a settings file with a wrong-case key, a missing file', async () => {
    expect((await validate('--rehearsal', '--component', 'retail-server')).code).toBe(2);
    const file = path.join(tempDir(), 'ss-settings.xml');
    writeFileSync(file, '<Settings><Setting key="websitehttpsport" value="8443"/></Settings>');
    const wrongCase = await validate('--rehearsal', '--sandbox', tempDir(), '--settings', file);
    expect(wrongCase.code).toBe(2);
    expect(wrongCase.stderr).toContain('use "WebSiteHttpsPort"');
    const missing = await validate('--rehearsal', '--settings', path.join(tempDir(), 'none.xml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('none.xml does not exist.');
  });

  it('with --instance, judges a modify: the installed instance\'s own ports pass, and an unknown instance is bad input', async () => {
    const box = tempDir();
    const settings = path.resolve('tests/install/fixtures/ss-settings.xml');
    const deploy = cliIo({ CDX_SETUP_PASSWORD: REHEARSAL_ACCOUNT_PASSWORD });
    expect(await runCli(['deploy', '--settings', settings, '--rehearsal', '--sandbox', box], deploy.io), deploy.err.join('\n')).toBe(0);
    // A second instance on another website: IIS holds the ports for the installed one.
    const second = path.join(tempDir(), 'ss-settings.xml');
    writeFileSync(second, readFileSync(settings, 'utf8').replace('</Settings>', '  <Setting key="WebSiteName" value="OtherSite" />\n  <Setting key="WebApplicationName" value="AsyncServer2" />\n</Settings>'));
    const fresh = await validate('--rehearsal', '--sandbox', box, '--settings', second);
    expect(fresh.code).toBe(3);
    expect(fresh.stdout.replace(/\s+/g, ' ')).toContain('HTTPS port 8443 is in use: IIS listens on it for the website AsyncServerSite');
    const modify = await validate('--rehearsal', '--sandbox', box, '--settings', settings, '--instance', 'AsyncServer', '--json');
    expect(modify.code).toBe(0);
    const ports = ValidationReport.parse(JSON.parse(modify.stdout)).results.find((r) => r.id === 'ports');
    expect(ports?.details).toContain("HTTPS port 8443 is this instance's own binding");
    const unknown = await validate('--rehearsal', '--sandbox', box, '--settings', settings, '--instance', 'Nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--instance: No installed instance is named Nope: the instances on this computer are AsyncServer.');
  });
});
