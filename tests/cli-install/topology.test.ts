import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultScenarioCopy } from '../support/scenario-copy';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import { allFiles } from '../install/support';
import { cliIo, instancesOn, settingsXml } from './support';
import { REHEARSAL_ACCOUNT_PASSWORD } from '../support/scenario-copy';

// The password the scenario's service account accepts (the gate checks it), and the canary searched for.
const CANARY = REHEARSAL_ACCOUNT_PASSWORD;

/** A folder holding a topology and its settings files; the rehearsal computer is CDX-HQ01. */
function topologyFolder(computers: Record<string, string[]>, files: Record<string, string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cdx-topology-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const body = Object.entries(computers)
    .map(([computer, list]) => `  <Computer name="${computer}">\n${list.map((f) => `    <Instance settingsFile="${f}" />`).join('\n')}\n  </Computer>`)
    .join('\n');
  const file = path.join(dir, 'ss-topology.xml');
  writeFileSync(file, `<?xml version="1.0" encoding="utf-8"?>\n<Topology>\n${body}\n</Topology>\n`);
  return file;
}

const TWO_FILES = {
  'ss-settings-AsyncServer.xml': settingsXml({}),
  // A second partition has its own message database: the file's CdxSetup choices say which.
  'ss-settings-AsyncServerEU.xml': settingsXml({ WebApplicationName: 'AsyncServerEU', HQMessageDatabase: 'AsyncServerEU' }, '<CdxSetup xmlns="urn:cdx-setup:choices" partition="eu" />'),
  'ss-settings-Other.xml': settingsXml(
    { WebSiteName: 'OtherSite', WebApplicationName: 'Other', WebSiteHttpsPort: '9443', WebSiteTcpPort: '809', HQMessageDatabase: 'AsyncServerOther' },
    '<CdxSetup xmlns="urn:cdx-setup:choices" partition="other" />',
  ),
};

function sandbox() {
  return mkdtempSync(path.join(os.tmpdir(), 'cdx-cli-topology-'));
}

const scenarioWithFaults = (faults: { operation: string; message: string }[]) => defaultScenarioCopy((s) => (s.faults = faults));

describe('deploy --topology', () => {
  it('installs the instances the topology gives this computer, one after another, asking for a shared password once', async () => {
    const topology = topologyFolder(
      { 'cdx-hq01.contoso.com': ['ss-settings-AsyncServer.xml', 'ss-settings-AsyncServerEU.xml'], CDXHQ02: ['ss-settings-Other.xml'] },
      TWO_FILES,
    );
    const box = sandbox();
    let prompts = 0;
    const run = cliIo({}, { interactive: true, readSecret: async () => (prompts++, CANARY) });
    expect(await runCli(['deploy', '--topology', topology, '--rehearsal', '--sandbox', box], run.io), [...run.out, ...run.err].join('\n')).toBe(0);
    expect(prompts, run.err.join("\n")).toBe(1);
    expect(run.err.join('\n')).toMatch(/This computer is CDX-HQ01: the topology ss-topology.xml gives it 2 instances, line 4 .*line 5/);
    expect(run.err.join('\n')).toMatch(/Instance 1 of 2: AsyncServer .*\n[\s\S]*Instance 2 of 2: AsyncServerEU/);
    expect(await instancesOn(box)).toEqual(['AsyncServer', 'AsyncServerEU']);
    for (const file of allFiles(box)) expect(readFileSync(file, 'utf8'), file).not.toContain(CANARY);

    const again = cliIo({ CDX_SETUP_PASSWORD: CANARY });
    expect(await runCli(['deploy', '--topology', topology, '--rehearsal', '--sandbox', box], again.io)).toBe(0);
    expect(again.out.join('\n').match(/Nothing changed/g)).toHaveLength(2);
  });

  it('stops at the instance that fails: it is rolled back, the ones before it stay installed, the rest are not started (exit 1)', async () => {
    const topology = topologyFolder(
      { 'CDX-HQ01': ['ss-settings-AsyncServer.xml', 'ss-settings-Other.xml', 'ss-settings-AsyncServerEU.xml'] },
      TWO_FILES,
    );
    const scenario = scenarioWithFaults([{ operation: 'iis.site:OtherSite', message: 'Simulated IIS failure.' }]);
    const box = sandbox();
    const run = cliIo({ CDX_SETUP_PASSWORD: CANARY });
    expect(await runCli(['deploy', '--topology', topology, '--rehearsal', scenario, '--sandbox', box], run.io), run.err.join('\n')).toBe(1);
    expect(run.err.join('\n')).toContain(
      'Stopped at Other: its changes were rolled back. Installed before it, and kept: AsyncServer (uninstall with cdx-setup uninstall --instance NAME). Not started: ss-settings-AsyncServerEU.xml.',
    );
    expect(await instancesOn(box, scenario)).toEqual(['AsyncServer']);
    const site = JSON.parse(readFileSync(path.join(box, 'state', 'iis.json'), 'utf8'));
    expect(JSON.stringify(site)).not.toContain('OtherSite');
  });

  it('refuses a topology without this computer, naming the computers it lists, and installs nothing (exit 2)', async () => {
    const topology = topologyFolder({ CDXHQ02: ['ss-settings-AsyncServer.xml'] }, TWO_FILES);
    const box = sandbox();
    const run = cliIo({ CDX_SETUP_PASSWORD: CANARY });
    expect(await runCli(['deploy', '--topology', topology, '--rehearsal', '--sandbox', box], run.io)).toBe(2);
    const err = run.err.join('\n');
    expect(err).toContain('The topology ss-topology.xml has no instance for this computer (CDX-HQ01); it lists CDXHQ02.');
    expect(err).toContain(`${topology}: error: ss-topology.xml has no instance for this computer (CDX-HQ01).`);
    expect(allFiles(box).filter((f) => f.includes('inetpub'))).toEqual([]);
  });

  it('refuses the whole selection when one selected settings file has an error, with its file and line (exit 2)', async () => {
    const topology = topologyFolder(
      { 'CDX-HQ01': ['ss-settings-AsyncServer.xml', 'ss-settings-Bad.xml'] },
      { ...TWO_FILES, 'ss-settings-Bad.xml': settingsXml({ WebApplicationName: 'Bad' }).replace('key="WebSiteHttpsPort"', 'key="WebSiteHttpsport"') },
    );
    const box = sandbox();
    const run = cliIo({ CDX_SETUP_PASSWORD: CANARY });
    expect(await runCli(['deploy', '--topology', topology, '--rehearsal', '--sandbox', box], run.io)).toBe(2);
    expect(run.err.join('\n')).toMatch(/ss-settings-Bad\.xml:\d+: error: WebSiteHttpsport is not a parameter: names are case-sensitive, use "WebSiteHttpsPort"\./);
    expect(await instancesOn(box)).toEqual([]);
    expect(allFiles(box).filter((f) => f.includes('inetpub'))).toEqual([]);
  });

  it('refuses two instances that would collide on this computer before installing either (exit 2)', async () => {
    const topology = topologyFolder({ 'CDX-HQ01': ['ss-settings-AsyncServer.xml', 'copy.xml'] }, { ...TWO_FILES, 'copy.xml': settingsXml({}) });
    const box = sandbox();
    const run = cliIo({ CDX_SETUP_PASSWORD: CANARY });
    expect(await runCli(['deploy', '--topology', topology, '--rehearsal', '--sandbox', box], run.io)).toBe(2);
    expect(run.err.join('\n')).toMatch(/ss-topology\.xml:5: error: WebApplicationName: lines 4 and 5 both install AsyncServerSite\/AsyncServer/);
    expect(await instancesOn(box)).toEqual([]);
  });

  it('refuses an instance that would clash with one installed before it in the same run, before installing any (exit 2)', async () => {
    const otherUser = settingsXml(
      { WebSiteName: 'OtherSite', WebApplicationName: 'Other', WebSiteHttpsPort: '9443', WebSiteTcpPort: '809', AppPoolUser: 'NT Authority\\Network Service' },
      '<CdxSetup xmlns="urn:cdx-setup:choices" partition="other" />',
    );
    const topology = topologyFolder({ 'CDX-HQ01': ['ss-settings-AsyncServer.xml', 'other-user.xml'] }, { ...TWO_FILES, 'other-user.xml': otherUser });
    const box = sandbox();
    const run = cliIo({ CDX_SETUP_PASSWORD: CANARY });
    expect(await runCli(['deploy', '--topology', topology, '--rehearsal', '--sandbox', box], run.io)).toBe(2);
    expect(run.err.join('\n')).toContain(
      'other-user.xml cannot be installed after the instances before it in the topology: The application pool AsyncServer of the instance AsyncServer runs as CONTOSO\\svc-async',
    );
    expect(await instancesOn(box)).toEqual([]);
  });

  it('refuses --settings with --topology (exit 2)', async () => {
    const topology = topologyFolder({ 'CDX-HQ01': ['ss-settings-AsyncServer.xml'] }, TWO_FILES);
    const run = cliIo({ CDX_SETUP_PASSWORD: CANARY });
    const settings = path.join(path.dirname(topology), 'ss-settings-AsyncServer.xml');
    expect(await runCli(['deploy', '--settings', settings, '--topology', topology, '--rehearsal', '--sandbox', sandbox()], run.io)).toBe(2);
    expect(run.err.join('\n')).toContain('Give --settings FILE or --topology FILE, not both');
  });
});

describe('plan --topology', () => {
  it('shows the plan of each instance for this computer and changes nothing', async () => {
    const topology = topologyFolder({ localhost: ['ss-settings-AsyncServer.xml', 'ss-settings-AsyncServerEU.xml'] }, TWO_FILES);
    const box = sandbox();
    const run = cliIo();
    expect(await runCli(['plan', '--topology', topology, '--rehearsal', '--sandbox', box, '--json'], run.io)).toBe(0);
    const plan = JSON.parse(run.out.join(''));
    expect(plan.instances.map((i: { instance: string }) => i.instance)).toEqual(['AsyncServer', 'AsyncServerEU']);
    expect(run.err.join('\n')).toMatch(/gives it 2 instances/);
    expect(allFiles(box).filter((f) => f.includes('inetpub'))).toEqual([]);

    const script = cliIo();
    expect(await runCli(['plan', '--topology', topology, '--rehearsal', '--sandbox', box, '--export-script', path.join(box, 'x.ps1')], script.io)).toBe(2);
    expect(script.err.join('')).toMatch(/--export-script writes the plan of one instance/);
  });
});
