import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { ComponentId } from '../../../shared/components/ids';
import type { RunKind } from '../../../shared/contract/install-schemas';
import type { UndoData, UndoTarget } from '../plan/operation';

/** Written in every run.start; a reader of another format treats the journal's changes as ones it cannot undo. */
export const JOURNAL_FORMAT = 2;

/** One change as journaled: the operation's id and kind, what it changed and the state before. */
type Change = { id: string; kind: string; target: UndoTarget; before: UndoData };

/**
 * The journal of a run: JSON lines, each written and fsynced before the executor goes on, so that after a crash or a
 * power loss the next start knows exactly which operations began, which finished, and, from the entries alone, how
 * to undo them. It holds settings and the state before each change, never a secret.
 */
export type JournalEntry =
  | {
      type: 'run.start';
      time: string;
      format: number;
      runId: string;
      kind: RunKind;
      instance: string;
      /** What a resume rebuilds its plan from (install runs); undoing never needs them. */
      /** The component the settings are of; absent in journals of Async Server written before there were two. */
      component?: ComponentId;
      settings?: Record<string, string>;
      choices?: unknown;
      steps: { id: string; kind: string; description: string }[];
      /** resume and rollback: the interrupted run they finish or undo. */
      recovers?: string;
    }
  | { type: 'op.skip'; time: string; id: string }
  | ({ type: 'op.adopt'; time: string } & Change)
  | ({ type: 'op.start'; time: string } & Change)
  | ({ type: 'op.end'; time: string } & Change)
  | { type: 'op.fail'; time: string; id: string; error: string }
  | { type: 'undo.start'; time: string; id: string; kind: string }
  | { type: 'undo.end'; time: string; id: string }
  | { type: 'undo.fail'; time: string; id: string; error: string }
  | { type: 'run.end'; time: string; outcome: string }
  | { type: 'run.recovered'; time: string; by: string; action: 'rollback' | 'resume' };

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

export function journalFileOf(supportDir: string, runId: string): string {
  return path.join(journalDir(supportDir), `${runId}.jsonl`);
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

/** Appends one entry to a journal that another run wrote (to mark it recovered). */
export function appendTo(file: string, entry: WithoutTime<JournalEntry>): void {
  const journal = new Journal(file);
  try {
    journal.append(entry);
  } finally {
    journal.close();
  }
}

export function journalFiles(supportDir: string): string[] {
  const dir = journalDir(supportDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => path.join(dir, f));
}
