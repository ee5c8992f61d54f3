import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import { journalFiles, readJournal } from '../../electron/engine/executor/journal';
import { readInstances, registryFile } from '../../electron/engine/instances/registry';
import { settingsXml } from '../cli-install/support';
import { cliIo } from '../support/cli-io';
import { defaultScenarioCopy } from '../support/scenario-copy';
import { cliMachine, supportDirOf, writeSettings } from './cli-machine';
import { CANARY, snapshot } from './support';

/**
 * Undo stands alone: rollback, resume-then-rollback and uninstall work from the journal or the instance record, with
 * the installation media deleted, and refuse (exit 1, record kept) a change whose kind this version cannot undo.
 */
const MEDIA = 'C:\\media\\AsyncServer';

/** A machine with the payload copied to C:\media (not a folder the scenario seeds again), and a settings file using it. */
async function withMedia() {
  const m = await cliMachine();
  cpSync(path.resolve('payload/async-server'), m.host.realPath(MEDIA), { recursive: true });
  const file = writeSettings(m.root, settingsXml({ WebApplicationServiceBinarySourceFolder: MEDIA }));
  const supportDir = supportDirOf(m.sandbox);
  const withoutMedia = (snap: Record<string, string>) => Object.fromEntries(Object.entries(snap).filter(([k]) => !k.startsWith('drives/C/media')));
  return { ...m, file, supportDir, before: withoutMedia(snapshot(m.sandbox, supportDir)), now: () => withoutMedia(snapshot(m.sandbox, supportDir)), deleteMedia: () => rmSync(m.host.realPath('C:\\media'), { recursive: true }) };
}

async function cli(args: string[], sandbox: string, scenario?: string) {
  const run = cliIo({ CDX_SETUP_PASSWORD: CANARY });
  const code = await runCli([...args, scenario ? `--rehearsal=${scenario}` : '--rehearsal', '--sandbox', sandbox], run.io);
  return { code, out: run.out.join('\n'), err: run.err.join('\n') };
}

/** As if the power went off while the instance record was written: its start is journaled, its end is not. */
function cutOffBeforeTheEnd(supportDir: string): string {
  const [journal] = journalFiles(supportDir);
  const lines = readFileSync(journal, 'utf8').trimEnd().split('\n');
  writeFileSync(journal, `${lines.slice(0, -2).join('\n')}\n`);
  return journal;
}

describe('with the installation media deleted', () => {
  it('uninstall removes the instance and restores the computer exactly', async () => {
    const m = await withMedia();
    expect((await cli(['deploy', '--settings', m.file], m.sandbox)).code).toBe(0);
    m.deleteMedia();
    const removed = await cli(['uninstall', '--instance', 'AsyncServer'], m.sandbox);
    expect(removed.code, removed.err).toBe(0);
    expect(m.now()).toEqual(m.before);
  });

  it('deploy --rollback undoes an interrupted run from its journal alone', async () => {
    const m = await withMedia();
    expect((await cli(['deploy', '--settings', m.file], m.sandbox)).code).toBe(0);
    cutOffBeforeTheEnd(m.supportDir);
    m.deleteMedia();
    const rollback = await cli(['deploy', '--rollback'], m.sandbox);
    expect(rollback.code, rollback.err).toBe(0);
    expect(rollback.out).toMatch(/was rolled back: \d+ changes undone/);
    expect(m.now()).toEqual(m.before);
    expect((await cli(['deploy', '--rollback'], m.sandbox)).code).toBe(2);
  });
});

describe('resume, then rollback', () => {
  it('a resume that fails undoes the interrupted run\'s changes too, from what it journaled', async () => {
    const m = await withMedia();
    expect((await cli(['deploy', '--settings', m.file], m.sandbox)).code).toBe(0);
    cutOffBeforeTheEnd(m.supportDir);
    // The resume fails at the very step the crash cut off.
    const faulty = defaultScenarioCopy((s) => (s.faults = [{ operation: 'instance:AsyncServer', message: 'Simulated failure on resume.' }]));
    const resumed = await cli(['deploy', '--resume', '--json'], m.sandbox, faulty);
    expect(resumed.code).toBe(1);
    expect(JSON.parse(resumed.out)).toMatchObject({ outcome: 'rolled-back', failure: { operationId: 'instance:AsyncServer' } });
    expect(m.now()).toEqual(m.before);
    const found = JSON.parse((await cli(['instances', '--json'], m.sandbox)).out);
    expect(found).toEqual({ instances: [], interrupted: null });
  });
});

describe('a recorded change of a kind this version cannot undo', () => {
  it('stops the rollback with exit 1 naming it; nothing is undone and the journal is kept', async () => {
    const m = await withMedia();
    expect((await cli(['deploy', '--settings', m.file], m.sandbox)).code).toBe(0);
    const journal = cutOffBeforeTheEnd(m.supportDir);
    const entries = readJournal(journal);
    const site = entries.findIndex((e) => e.type === 'op.end' && e.id === 'iis.site:AsyncServerSite');
    const lines = readFileSync(journal, 'utf8').trimEnd().split('\n');
    lines[site] = JSON.stringify({ ...JSON.parse(lines[site]), kind: 'iis.site-v9' });
    writeFileSync(journal, `${lines.join('\n')}\n`);
    const kept = readFileSync(journal, 'utf8');
    const machine = m.now();

    const rollback = await cli(['deploy', '--rollback', '--json'], m.sandbox);
    expect(rollback.code).toBe(1);
    const result = JSON.parse(rollback.out);
    expect(result.outcome).toBe('cannot-undo');
    expect(result.message).toMatch(/cannot undo the kind of change "iis\.site-v9" \(iis\.site:AsyncServerSite\)/);
    expect(m.now()).toEqual(machine);
    expect(readFileSync(journal, 'utf8')).toBe(kept);
    // Still interrupted, for a version that can undo it.
    expect(JSON.parse((await cli(['instances', '--json'], m.sandbox)).out).interrupted).toMatchObject({ instance: 'AsyncServer' });
  });

  it('stops the uninstall with exit 1 naming it; the instance stays registered and the computer as it is', async () => {
    const m = await withMedia();
    expect((await cli(['deploy', '--settings', m.file], m.sandbox)).code).toBe(0);
    const file = registryFile(m.supportDir);
    const registry = JSON.parse(readFileSync(file, 'utf8'));
    registry.instances[0].applied[3].kind = 'service.future';
    writeFileSync(file, JSON.stringify(registry, null, 2));
    const machine = m.now();
    const removed = await cli(['uninstall', '--instance', 'AsyncServer'], m.sandbox);
    expect(removed.code).toBe(1);
    expect(removed.out).toMatch(/cannot undo the kind of change "service\.future".*the instance AsyncServer stays registered/);
    expect(m.now()).toEqual(machine);
    expect(readInstances(m.supportDir).map((i) => i.name)).toEqual(['AsyncServer']);
  });

  it('an instance record of an earlier format, without kinds, is refused the same way', async () => {
    const m = await withMedia();
    expect((await cli(['deploy', '--settings', m.file], m.sandbox)).code).toBe(0);
    const file = registryFile(m.supportDir);
    const registry = JSON.parse(readFileSync(file, 'utf8'));
    registry.instances[0].applied = registry.instances[0].applied.map((a: { id: string; before: unknown }) => ({ id: a.id, undo: a.before }));
    writeFileSync(file, JSON.stringify(registry, null, 2));
    const removed = await cli(['uninstall', '--instance', 'AsyncServer'], m.sandbox);
    expect(removed.code).toBe(1);
    expect(removed.out).toMatch(/cannot undo the kind of change "\(none recorded\)"/);
    expect(readInstances(m.supportDir)).toHaveLength(1);
  });
});
