import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import { cliIo, settingsXml } from '../cli-install/support';
import { defaultScenarioCopy, REHEARSAL_ACCOUNT_PASSWORD } from '../support/scenario-copy';
import { eventsOf } from './support';

/**
 * Where Windows admins look: each installed instance in Programs and Features (the Uninstall key, what ConfigMgr's
 * detection rule reads), and one Application log event per run. On the rehearsal host both persist under state/.
 */
// The password the scenario's service account accepts (the gate checks it), and the canary searched for.
const POOL = REHEARSAL_ACCOUNT_PASSWORD;
const KEY = 'cdxsetup_async-server_asyncserver';

function machine() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cdx-programs-'));
  const settings = path.join(root, 'ss-settings.xml');
  writeFileSync(settings, settingsXml({}));
  return { root, box: path.join(root, 'machine'), settings };
}

async function cli(args: string[], box: string, scenario?: string) {
  const run = cliIo({ CDX_SETUP_PASSWORD: POOL });
  const code = await runCli([...args, scenario ? `--rehearsal=${scenario}` : '--rehearsal', '--sandbox', box], run.io);
  return { code, out: run.out.join('\n'), err: run.err.join('\n') };
}

const entries = (box: string) => {
  const file = path.join(box, 'state', 'programs.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).entries : {};
};

describe('Programs and Features and the Application log', () => {
  it('an install adds the instance\'s entry and one event naming its log; a re-run changes neither the entry nor adds a second install', async () => {
    const { box, settings } = machine();
    expect((await cli(['deploy', '--settings', settings], box)).code).toBe(0);
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    const manifest = JSON.parse(readFileSync('payload/async-server/manifest.json', 'utf8'));
    expect(entries(box)).toEqual({
      [KEY]: {
        key: 'CDXSetup_async-server_AsyncServer',
        displayName: 'Commerce Data Exchange: Async Server (AsyncServer)',
        displayVersion: manifest.version,
        publisher: 'CDX Setup',
        installDate: today,
        uninstallString: '"C:\\Program Files\\CDX Setup\\bin\\cdx-setup.cmd" uninstall --instance "AsyncServer"',
        quietUninstallString: '"C:\\Program Files\\CDX Setup\\bin\\cdx-setup.cmd" uninstall --instance "AsyncServer"',
      },
    });
    const [installed] = eventsOf(box);
    expect(installed).toMatchObject({ log: 'Application', source: 'CDX Setup', entryType: 'Information', eventId: 1000 });
    const logFile = /Log file: (.*)$/m.exec(installed.message)![1].trim();
    expect(readFileSync(logFile, 'utf8')).toContain('=== CDX Setup install run');
    expect(installed.message).toMatch(/^Run: install of AsyncServer \(/m);

    const before = readFileSync(path.join(box, 'state', 'programs.json'));
    expect((await cli(['deploy', '--settings', settings], box)).code).toBe(0);
    expect(readFileSync(path.join(box, 'state', 'programs.json')).equals(before)).toBe(true);
    expect(eventsOf(box).map((e) => [e.entryType, e.eventId])).toEqual([
      ['Information', 1000],
      ['Information', 1001],
    ]);
  });

  it('uninstall removes the entry (state file gone with its last entry) and writes its own event', async () => {
    const { box, settings } = machine();
    expect((await cli(['deploy', '--settings', settings], box)).code).toBe(0);
    const uninstall = await cli(['uninstall', '--instance', 'AsyncServer'], box);
    expect(uninstall.code, uninstall.err).toBe(0);
    expect(existsSync(path.join(box, 'state', 'programs.json'))).toBe(false);
    const events = eventsOf(box);
    expect(events.map((e) => [e.entryType, e.eventId])).toEqual([
      ['Information', 1000],
      ['Information', 1002],
    ]);
    expect(events[1].message).toMatch(/^Run: uninstall of AsyncServer/m);
    expect(existsSync(/Log file: (.*)$/m.exec(events[1].message)![1].trim())).toBe(true);
  });

  it('a failed install rolls its entry back and leaves one warning event, without the password Windows echoed', async () => {
    const { root, box, settings } = machine();
    const scenario = defaultScenarioCopy((s) => (s.faults = [{ operation: 'instance:AsyncServer', message: `refused for ${POOL}` }]), root);
    const run = await cli(['deploy', '--settings', settings], box, scenario);
    expect(run.code).toBe(1);
    expect(entries(box)).toEqual({});
    const events = eventsOf(box);
    expect(events.map((e) => [e.entryType, e.eventId])).toEqual([['Warning', 1003]]);
    expect(events[0].message).not.toContain(POOL);
    expect(events[0].message).toMatch(/Log file: .*cdx-setup-.*\.log/);
  });
});
