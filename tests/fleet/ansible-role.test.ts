import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsXml } from '../cli-install/support';
import { ansiblePlaybookPath } from '../support/windows-tools';
import { REHEARSAL_ACCOUNT_PASSWORD } from '../support/scenario-copy';

/**
 * deploy/ansible's role, run by Debian's ansible-playbook against three rehearsal hosts on this computer (connection
 * local, each its own sandbox): the role's own tasks, variables and reading of cdx-setup's JSON, with
 * ansible.builtin's copy and command where Windows hosts get ansible.windows' win_copy and win_command.
 */
// The app pool password the scenario's CONTOSO\svc-async accepts (the gate checks it), and the canary.
const PASSWORD = REHEARSAL_ACCOUNT_PASSWORD;
const root = mkdtempSync(path.join(os.tmpdir(), 'cdx-ansible-'));
const HOSTS = ['node1', 'node2', 'node3'];
const settingsOf = (host: string) => path.join(root, `${host}.xml`);

function inventory(): string {
  const file = path.join(root, 'inventory.yml');
  const hosts = HOSTS.map((h) => `    ${h}: { cdx_setup_rehearsal_sandbox: '${path.join(root, h)}', cdx_setup_settings_src: '${settingsOf(h)}' }`);
  writeFileSync(
    file,
    [
      'cdx_servers:',
      '  vars:',
      '    ansible_connection: local',
      `    ansible_python_interpreter: '${spawnSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8' }).stdout.trim()}'`,
      `    cdx_setup_command: '${process.execPath} ${path.resolve('bin/cdx-setup.mjs')}'`,
      `    cdx_setup_password: '${PASSWORD}'`,
      '  hosts:',
      ...hosts,
      '',
    ].join('\n'),
  );
  return file;
}

interface HostResult {
  failed?: boolean;
  skipped?: boolean;
  msg?: string;
}

/** One ansible-playbook run, read through its json callback: the recap per host, and each failed task's message. */
function playbook() {
  const run = spawnSync(ansiblePlaybookPath(), ['-i', inventory(), path.resolve('deploy/ansible/site.yml')], {
    encoding: 'utf8',
    env: { ...process.env, ANSIBLE_STDOUT_CALLBACK: 'json', ANSIBLE_ROLES_PATH: path.resolve('deploy/ansible/roles'), ANSIBLE_LOCAL_TEMP: path.join(root, 'tmp'), ANSIBLE_LOCALHOST_WARNING: 'false', ANSIBLE_NOCOLOR: '1' },
    timeout: 240_000,
  });
  const out = JSON.parse(run.stdout) as { stats: Record<string, { changed: number; failures: number }>; plays: { tasks: { task: { name: string }; hosts: Record<string, HostResult> }[] }[] };
  const failures: Record<string, string> = {};
  for (const task of out.plays[0].tasks) for (const [host, r] of Object.entries(task.hosts)) if (r.failed && !r.skipped) failures[host] = r.msg ?? '';
  return { status: run.status, stats: out.stats, failures, raw: run.stdout + run.stderr };
}

const changed = (stats: Record<string, { changed: number }>) => HOSTS.filter((h) => stats[h].changed > 0);

describe('the Ansible role, against three rehearsal hosts', () => {
  it('reports three changed hosts, then none, then fails the host with a bad settings file alone, with its reason', () => {
    for (const h of HOSTS) {
      mkdirSync(path.join(root, h), { recursive: true });
      writeFileSync(settingsOf(h), settingsXml({}));
    }
    const first = playbook();
    expect(first.status, first.raw).toBe(0);
    expect(changed(first.stats)).toEqual(HOSTS);
    for (const h of HOSTS) expect(readFileSync(path.join(root, h, 'machine', 'state', 'iis.json'), 'utf8')).toContain('asyncserversite');

    const second = playbook();
    expect(second.status, second.raw).toBe(0);
    expect(changed(second.stats)).toEqual([]);

    writeFileSync(settingsOf('node3'), settingsXml({ WebSiteHttpsPort: '99999' }));
    const third = playbook();
    expect(third.status).toBe(2);
    expect(Object.keys(third.failures)).toEqual(['node3']);
    expect(third.failures.node3).toMatch(/^cdx-setup deploy ended with exit code 2 \(bad input, nothing changed\): .*WebSiteHttpsPort: Port 99999 is out of range/);
    expect(third.failures.node3).not.toContain('Usage:');
    expect(third.stats.node1).toMatchObject({ changed: 0, failures: 0 });
    expect(third.stats.node2).toMatchObject({ changed: 0, failures: 0 });

    // A prerequisite not met: the failed checks, each with what it found.
    writeFileSync(settingsOf('node3'), settingsXml({ WebSiteHttpsPort: '443' }));
    const fourth = playbook();
    expect(Object.keys(fourth.failures)).toEqual(['node3']);
    expect(fourth.failures.node3).toMatch(/exit code 3 \(prerequisites not met\).*\| failed check .*\(ports\): .*443/);
    // The password went to cdx-setup in its environment: not into Ansible's output, nor a file on the hosts.
    for (const run of [first, second, third, fourth]) expect(run.raw).not.toContain(PASSWORD);
  }, 600_000);
});
