import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenariosRoot } from '../../electron/engine/hosts/create-host';
import { RehearsalHost } from '../../electron/engine/hosts/rehearsal/rehearsal-host';
import { loadScenario } from '../../electron/engine/hosts/rehearsal/scenario';
import { REHEARSAL_ACCOUNT_PASSWORD } from '../support/scenario-copy';
import { snapshot } from './support';

/**
 * The built CLI, killed with SIGKILL at a random point of a rehearsal deploy, then started again: it reports the
 * interrupted run, and `deploy --rollback` leaves the machine exactly as it was before.
 * (Needs `npm run build`; the payload is large enough that the kill lands inside the run.)
 */
const CLI = path.resolve('bin/cdx-setup.mjs');
const built = existsSync(path.resolve('dist/cli.cjs'));
// The password the scenario's CONTOSO\svc-async accepts (the gate checks it), and the canary searched for.
const CANARY = REHEARSAL_ACCOUNT_PASSWORD;
const SAMPLE_PAYLOAD = path.resolve('payload/async-server');

function machine() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cdx-crash-'));
  const sandbox = path.join(root, 'machine');
  const payload = path.join(sandbox, 'drives', 'C', 'payload');
  mkdirSync(path.join(payload, 'bin'), { recursive: true });
  writeFileSync(path.join(payload, 'web.config'), '<configuration />\n');
  for (let i = 0; i < 400; i++) writeFileSync(path.join(payload, 'bin', `sample-${i}.dll`), Buffer.alloc(16 * 1024, i % 251));
  // The message database scripts of the sample payload, so the run creates and registers the database too.
  cpSync(path.join(SAMPLE_PAYLOAD, 'Database'), path.join(payload, 'Database'), { recursive: true });
  const { database } = JSON.parse(readFileSync(path.join(SAMPLE_PAYLOAD, 'manifest.json'), 'utf8')) as { database: unknown };
  writeFileSync(path.join(payload, 'manifest.json'), JSON.stringify({ database }));
  spawnSync(process.execPath, ['scripts/make-payload-manifest.mjs', payload]);
  const settings = path.join(root, 'ss-settings.xml');
  writeFileSync(
    settings,
    `<Settings>
  <Setting key="HQMessageDatabaseServerName" value="SQLHQ01" /><Setting key="HQMessageDatabase" value="AsyncServerMessageDB" />
  <Setting key="AppPoolUser" value="CONTOSO\\svc-async" /><Setting key="WebSiteHttpsPort" value="8443" />
  <Setting key="WebSiteSSLCertificateThumbprint" value="D0743827EFD9BFA20059CE80157DF8B8B74EE50B" />
  <Setting key="WebApplicationServiceBinarySourceFolder" value="C:\\payload" />
</Settings>`,
  );
  const supportDir = path.join(sandbox, 'drives', 'C', 'ProgramData', 'Microsoft Dynamics AX', 'CDX Setup');
  mkdirSync(supportDir, { recursive: true });
  // The machine as the host's first start makes it (its state folder, the scenario's payload folders), before any run.
  new RehearsalHost(loadScenario(path.join(scenariosRoot(), 'default', 'scenario.json')), sandbox);
  return { sandbox, settings, supportDir };
}

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, CDX_SETUP_PASSWORD: CANARY }, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw new Error(`cdx-setup ${args[0]} did not finish: ${r.error.message}\n${r.stdout}\n${r.stderr}`);
  return r;
}

async function deployAndKill(m: ReturnType<typeof machine>, afterMs: number): Promise<void> {
  const child = spawn(process.execPath, [CLI, 'deploy', '--settings', m.settings, '--rehearsal', '--sandbox', m.sandbox], {
    env: { ...process.env, CDX_SETUP_PASSWORD: CANARY },
    stdio: 'ignore',
  });
  const journal = path.join(m.supportDir, 'journal');
  // Count from the moment the run writes its journal, so the kill lands inside the run and not in Node's start-up.
  const started = Date.now();
  while (!(existsSync(journal) && readdirSync(journal).length) && Date.now() - started < 15_000 && child.exitCode === null) await new Promise((r) => setTimeout(r, 2));
  await new Promise((r) => setTimeout(r, afterMs));
  // The password reached the process through its environment, never its command line.
  if (child.exitCode === null && existsSync(`/proc/${child.pid}/cmdline`)) expect(readFileSync(`/proc/${child.pid}/cmdline`, 'utf8')).not.toContain(CANARY);
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

describe.skipIf(!built)('a deploy killed mid-install', () => {
  it.each([0, 1, 2, 3])('is found at the next start and rolled back to exactly the state before (attempt %i)', async () => {
    const m = machine();
    const before = snapshot(m.sandbox, m.supportDir);
    // A random point within a full run (about 150 ms here).
    await deployAndKill(m, Math.floor(Math.random() * 150));
    const found = JSON.parse(cli(['instances', '--json', '--rehearsal', '--sandbox', m.sandbox]).stdout) as { interrupted: unknown };
    if (!found.interrupted) {
      // The kill came before the run's first journal entry (nothing changed) or after its last (a full installation).
      if (JSON.stringify(snapshot(m.sandbox, m.supportDir)) !== JSON.stringify(before)) {
        expect(cli(['deploy', '--settings', m.settings, '--rehearsal', '--sandbox', m.sandbox]).stdout).toMatch(/Nothing changed/);
      }
      return;
    }
    const next = cli(['deploy', '--settings', m.settings, '--rehearsal', '--sandbox', m.sandbox]);
    expect(next.status).toBe(1);
    expect(next.stderr).toMatch(/was interrupted before it finished/);
    const rollback = cli(['deploy', '--rollback', '--rehearsal', '--sandbox', m.sandbox]);
    expect(rollback.status, rollback.stderr + rollback.stdout).toBe(0);
    expect(snapshot(m.sandbox, m.supportDir)).toEqual(before);
    expect(cli(['deploy', '--rollback', '--rehearsal', '--sandbox', m.sandbox]).status).toBe(2);
  }, 90_000);

  it('resumes an interrupted run to a complete installation', async () => {
    const m = machine();
    await deployAndKill(m, 40);
    const resumed = cli(['deploy', '--resume', '--rehearsal', '--sandbox', m.sandbox]);
    if (resumed.status === 2) return; // killed after the end: nothing to resume
    expect(resumed.status, resumed.stderr).toBe(0);
    const again = cli(['deploy', '--settings', m.settings, '--rehearsal', '--sandbox', m.sandbox]);
    expect(again.stdout).toMatch(/Nothing changed/);
  }, 90_000);
});
