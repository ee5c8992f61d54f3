import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { UndoData } from '../plan/operation';

/**
 * The journal of a run: JSON lines, each written and fsynced before the executor goes on, so that after a crash or a
 * power loss the next start knows exactly which operations began, which finished, and what undoing them needs.
 * It holds settings and undo data, never a secret.
 */
export type JournalEntry =
  | { type: 'run.start'; time: string; runId: string; kind: RunKind; instance: string; settings: Record<string, string>; choices: unknown; operationIds: string[]; resumes?: string }
  | { type: 'op.skip'; time: string; id: string }
  | { type: 'op.adopt'; time: string; id: string; undo: UndoData }
  | { type: 'op.start'; time: string; id: string; prepared: UndoData }
  | { type: 'op.end'; time: string; id: string; undo: UndoData }
  | { type: 'op.fail'; time: string; id: string; error: string }
  | { type: 'undo.start'; time: string; id: string }
  | { type: 'undo.end'; time: string; id: string }
  | { type: 'undo.fail'; time: string; id: string; error: string }
  | { type: 'run.end'; time: string; outcome: string }
  | { type: 'run.recovered'; time: string; by: string; action: 'rollback' | 'resume' };

export type RunKind = 'install' | 'uninstall';

type WithoutTime<T> = T extends unknown ? Omit<T, 'time'> : never;

export class Journal {
  private fd: number;

  constructor(readonly file: string) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.fd = openSync(file, 'a');
  }

  append(entry: WithoutTime<JournalEntry>): void {
    writeSync(this.fd, `${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}

export function journalDir(supportDir: string): string {
  return path.join(supportDir, 'journal');
}

/** The entries of a journal; a last line cut off by a crash is ignored (it was never acknowledged). */
export function readJournal(file: string): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      entries.push(JSON.parse(line) as JournalEntry);
    } catch {
      break;
    }
  }
  return entries;
}

export function journalFiles(supportDir: string): string[] {
  const dir = journalDir(supportDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => path.join(dir, f));
}
