import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * One installation at a time per computer: a lock file in the support files holding the owner's pid. A lock left by a
 * process that no longer runs (a crash) is taken over; its journal then shows the interrupted run.
 */
export interface LockOwner {
  pid: number;
  runId: string;
  since: string;
}

export type LockResult = { ok: true; release(): void } | { ok: false; owner: LockOwner };

export function lockFile(supportDir: string): string {
  return path.join(supportDir, 'cdx-setup.lock');
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(supportDir: string): LockOwner | null {
  const file = lockFile(supportDir);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    // Cut off while being written: its owner died before it could hold anything.
    return { pid: -1, runId: '', since: '' };
  }
}

export function acquireLock(supportDir: string, runId: string): LockResult {
  const file = lockFile(supportDir);
  mkdirSync(supportDir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid, runId, since: new Date().toISOString() }), { flag: 'wx' });
      return { ok: true, release: () => rmSync(file, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readLock(supportDir);
      if (owner && owner.pid > 0 && isAlive(owner.pid)) return { ok: false, owner };
      rmSync(file, { force: true });
    }
  }
  return { ok: false, owner: readLock(supportDir) ?? { pid: -1, runId: '', since: '' } };
}
