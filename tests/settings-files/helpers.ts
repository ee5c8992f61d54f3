import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CliIo } from '../../electron/cli/io';

export const FIXTURES = path.resolve(__dirname, '../fixtures/settings');
export const fixture = (name: string) => path.resolve(FIXTURES, name);
export const CANARY = 'Canary-Pa55word!';

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'cdx-settings-'));
}

/** A CLI io that keeps what a command prints. */
export function bufferIo(cwd = process.cwd()): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (t) => void (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => void (err += t.endsWith('\n') ? t : `${t}\n`),
    interactive: false,
    env: {},
    cwd,
    untilStopped: () => Promise.resolve(),
    stdout: () => out,
    stderr: () => err,
  };
}
