import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, readJournal } from '../../electron/engine/executor/journal';
import { acquireLock, lockFile } from '../../electron/engine/executor/lock';
import { allFiles, CANARY, install, rehearsal } from './support';

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the lock', () => {
  it('takes over a lock left by a process that no longer runs', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cdx-lock-'));
    writeFileSync(lockFile(dir), JSON.stringify({ pid: deadPid(), runId: 'crashed', since: '' }));
    const lock = acquireLock(dir, 'mine');
    expect(lock.ok).toBe(true);
    expect(JSON.parse(readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ pid: process.pid, runId: 'mine' });
  });

  it('refuses a second run while the owner lives, and the executor reports it as busy without changing anything', async () => {
    const env = await rehearsal();
    writeFileSync(lockFile(env.supportDir), JSON.stringify({ pid: process.ppid, runId: 'other', since: '' }));
    const result = await install(env);
    expect(result.outcome).toBe('busy');
    expect(result.message).toMatch(new RegExp(`process ${process.ppid}`));
    expect(allFiles(env.sandbox).some((f) => f.includes('inetpub'))).toBe(false);
  });
});

describe('the journal', () => {
  it('ignores a last line cut off by a crash', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cdx-journal-')), 'run.jsonl');
    const journal = new Journal(file);
    journal.append({ type: 'op.skip', id: 'a' });
    journal.append({ type: 'op.start', id: 'b', kind: 'folder', target: { path: 'C:\\b' }, before: { created: [] } });
    journal.close();
    appendFileSync(file, '{"type":"op.end","id":"b","und');
    expect(readJournal(file).map((e) => e.type)).toEqual(['op.skip', 'op.start']);
  });
});

describe('secrets in failures', () => {
  it('masks the password in the log, the journal and the result even when an error message carries it', async () => {
    const env = await rehearsal([{ operation: 'iis.app-pool:AsyncServer', message: `Logon failure for password ${CANARY}` }]);
    const result = await install(env);
    expect(result.outcome).toBe('rolled-back');
    expect(result.failure?.message).toBe('Logon failure for password ********');
    expect(readFileSync(result.logFile, 'utf8')).toContain('Logon failure for password ********');
    expect(JSON.stringify(readJournal(result.journalFile))).not.toContain(CANARY);
    for (const file of allFiles(env.sandbox)) expect(readFileSync(file, 'utf8'), file).not.toContain(CANARY);
  });
});

describe('the scenario faults section', () => {
  it('is refused with the scenario file named when a fault has no operation', async () => {
    const { loadScenario } = await import('../../electron/engine/hosts/rehearsal/scenario');
    const { RehearsalHost } = await import('../../electron/engine/hosts/rehearsal/rehearsal-host');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cdx-faults-'));
    const file = path.join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify({ name: 'bad', faults: [{ message: 'no operation' }] }));
    expect(() => new RehearsalHost(loadScenario(file), path.join(dir, 'machine'))).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} has an invalid "faults" section: .*operation`));
  });
});
