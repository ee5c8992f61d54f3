import { asSettings } from '../../shared/components/async-server/parameters';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenariosRoot } from '../../electron/engine/hosts/create-host';
import { RehearsalHost } from '../../electron/engine/hosts/rehearsal/rehearsal-host';
import { loadScenario, ScenarioError } from '../../electron/engine/hosts/rehearsal/scenario';
import { buildPlan } from '../../electron/engine/plan/build-plan';
import { validatePrerequisites } from '../../electron/engine/prerequisites/validate';
import { loadSettingsFile } from '../../electron/engine/settings-files/load';
import { SupportFiles } from '../../electron/engine/support-files/support-files';
import { CHOICES, install } from './support';

const GUIDE_FOLDER = 'C:\\Program Files (x86)\\Microsoft Dynamics AX\\60\\CDX\\Async Server\\6.3';
const NOTEPAD_FILE = path.resolve('tests/fixtures/settings/notepad-unicode-le.xml');

function defaultHost(sandbox = mkdtempSync(path.join(os.tmpdir(), 'cdx-payload-folders-'))) {
  return new RehearsalHost(loadScenario(path.join(scenariosRoot(), 'default', 'scenario.json')), sandbox);
}

/** The default scenario with another payloadFolders section, written beside its certificates' absolute paths. */
function scenarioWith(payloadFolders: unknown): string {
  const source = path.join(scenariosRoot(), 'default', 'scenario.json');
  const scenario = { ...JSON.parse(readFileSync(source, 'utf8')), payloadFolders, certificates: [] };
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cdx-scenario-')), 'scenario.json');
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

describe('rehearsal payloadFolders', () => {
  it('the default scenario holds the payload in the guide\'s default folder, as Setup\'s extraction leaves it', () => {
    const host = defaultHost();
    expect(existsSync(path.join(host.realPath(GUIDE_FOLDER), 'manifest.json'))).toBe(true);
    expect(readFileSync(path.join(host.realPath(GUIDE_FOLDER), 'manifest.json'), 'utf8')).toBe(readFileSync('payload/async-server/manifest.json', 'utf8'));
  });

  it('a settings file written for a real server passes the payload check and installs from that folder', async () => {
    const host = defaultHost();
    const loaded = await loadSettingsFile(NOTEPAD_FILE);
    expect(loaded.settings.WebApplicationServiceBinarySourceFolder).toBe(GUIDE_FOLDER);
    const report = await validatePrerequisites(
      { stage: 'after-configure', components: ['async-server'], settings: asSettings(loaded.settings), configure: true, passwordProvided: true },
      { host, toolVersion: 'test' },
    );
    const payload = report.results.find((r) => r.id === 'payload')!;
    expect(payload.status, payload.details).toBe('passed');

    const supportDir = await new SupportFiles(host).realDir();
    const plan = await buildPlan(host, supportDir, { settings: loaded.settings, choices: CHOICES, passwordProvided: true });
    expect(plan.notes.join(' ')).not.toMatch(/sample payload shipped/);
    // SQLHQ01\AX already holds the partition's message database: the prerequisite gate wants it used, not created.
    const result = await install({ host, supportDir }, asSettings(loaded.settings), {}, { ...CHOICES, database: { ...CHOICES.database, mode: 'existing' } });
    expect(result.outcome, result.message).toBe('installed');
    expect(existsSync(host.realPath('C:\\inetpub\\AsyncServerSite\\AsyncServer\\SynchService.svc'))).toBe(true);
  });

  it('leaves a folder that is already there as it is (a test may have emptied it on purpose)', () => {
    const sandbox = mkdtempSync(path.join(os.tmpdir(), 'cdx-payload-folders-'));
    const first = defaultHost(sandbox);
    const folder = first.realPath(GUIDE_FOLDER);
    rmSync(folder, { recursive: true });
    mkdirSync(folder, { recursive: true });
    defaultHost(sandbox);
    expect(existsSync(path.join(folder, 'manifest.json'))).toBe(false);
  });

  it('seeds every folder a scenario lists, and refuses entries that are not full Windows paths', () => {
    const sandbox = mkdtempSync(path.join(os.tmpdir(), 'cdx-payload-folders-'));
    const host = new RehearsalHost(loadScenario(scenarioWith(['D:\\Media\\CDX'])), sandbox);
    expect(existsSync(path.join(host.realPath('D:\\Media\\CDX'), 'manifest.json'))).toBe(true);
    expect(existsSync(host.realPath(GUIDE_FOLDER))).toBe(false);

    for (const bad of [['payload'], ['\\\\fileserver\\share'], ['C:\\a\\..\\..\\b'], [42], 'C:\\one']) {
      const file = scenarioWith(bad);
      expect(() => new RehearsalHost(loadScenario(file), mkdtempSync(path.join(os.tmpdir(), 'cdx-payload-folders-'))), JSON.stringify(bad)).toThrow(ScenarioError);
    }
    expect(() => new RehearsalHost(loadScenario(scenarioWith(['relative\\folder'])), sandbox)).toThrow(/invalid "payloadFolders" section: .*full Windows path/);
  });
});
