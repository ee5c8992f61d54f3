import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ConsoleProcess {
  url: string;
  /** The rehearsal machine's root: tests compare it before and after. */
  sandbox: string;
  output(): string;
  stop(): Promise<void>;
}

export interface ConsoleStart {
  /** A scenario name shipped with the tool, or a file path; the default scenario when absent. */
  scenario?: string;
  /** Reuse a sandbox (a machine with history); a fresh one otherwise. */
  sandbox?: string;
  env?: Record<string, string>;
}

/**
 * Starts `cdx-setup console --rehearsal` as a user would, from the built CLI, on a random port, and reads the
 * one line it prints.
 */
export async function startConsoleProcess(options: ConsoleStart = {}): Promise<ConsoleProcess> {
  const sandbox = options.sandbox ?? mkdtempSync(path.join(os.tmpdir(), 'cdx-e2e-'));
  const args = ['bin/cdx-setup.mjs', 'console', '--rehearsal', ...(options.scenario ? [options.scenario] : []), '--sandbox', sandbox];
  const child: ChildProcess = spawn(process.execPath, args, { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The console did not start within 20 s:\n${out}`)), 20_000);
    const poll = setInterval(() => {
      const match = /CDX Setup console: (\S+)/.exec(out);
      if (match) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(match[1]);
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`The console exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    sandbox,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.sandbox) rmSync(sandbox, { recursive: true, force: true });
    },
  };
}
