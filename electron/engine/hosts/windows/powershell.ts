import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/**
 * One PowerShell process serves a whole run. It starts with a fixed bootstrap on its command line and then reads
 * envelopes from standard input, one JSON line each ({ id, script, data }: secrets included, so no secret ever
 * appears in a process listing). Each script runs in its own scope with a fresh `$Data`, and its answer comes back
 * as one line after a marker, carrying the envelope's id, so that warnings and other text the script prints cannot
 * be taken for it. Both directions are UTF-8 whatever the console's code page (Windows PowerShell reads and writes
 * the OEM code page otherwise, and `ł` would not survive).
 */
export const RESULT_MARKER = '##CDX-RESULT##';

export const BOOTSTRAP = [
  // Windows PowerShell 2.0 (2008 R2 as shipped) and 3.0 (2012) cannot run the scripts (2.0 has not even
  // ConvertFrom-Json): it says so and stops, and the session reports what it wrote to standard error.
  '$version = $PSVersionTable.PSVersion;',
  "if ($version.Major -lt 4) { [Console]::Error.WriteLine('Windows PowerShell ' + $version + ' is older than 4.0, which CDX Setup needs: install Windows Management Framework 5.1 (or 4.0).'); exit 1 }",
  '$ErrorActionPreference = "Stop";',
  '$ProgressPreference = "SilentlyContinue";',
  '$utf8 = New-Object System.Text.UTF8Encoding $false;',
  'try { [Console]::OutputEncoding = $utf8 } catch { }',
  '$stdin = New-Object System.IO.StreamReader([Console]::OpenStandardInput(), $utf8);',
  '$stdout = New-Object System.IO.StreamWriter([Console]::OpenStandardOutput(), $utf8);',
  '$stdout.AutoFlush = $true;',
  'while ($true) {',
  '  $line = $stdin.ReadLine();',
  '  if ($null -eq $line) { break }',
  '  $envelope = ConvertFrom-Json -InputObject $line;',
  '  $Error.Clear();',
  '  $result = $null;',
  '  $Data = $envelope.data;',
  '  try {',
  '    $result = & ([scriptblock]::Create($envelope.script));',
  '    $answer = @{ id = $envelope.id; ok = $true; value = $result };',
  '  } catch {',
  '    $answer = @{ id = $envelope.id; ok = $false; error = $_.Exception.Message };',
  '  }',
  '  try { $json = ConvertTo-Json -InputObject $answer -Depth 10 -Compress }',
  '  catch { $json = ConvertTo-Json -InputObject @{ id = $envelope.id; ok = $false; error = ("The result could not be written as JSON: " + $_.Exception.Message) } -Compress }',
  `  $stdout.WriteLine("${RESULT_MARKER}" + $json);`,
  '}',
].join(' ');

/**
 * How PowerShell is started: powershell.exe on Windows. The test suite starts pwsh with a prelude that loads its fake
 * of Windows before the bootstrap (docs/windows.md).
 */
export interface PowerShellCommand {
  executable: string;
  /** PowerShell text run before the bootstrap, in the same -Command. */
  prelude?: string;
  env?: NodeJS.ProcessEnv;
}

export const WINDOWS_POWERSHELL: PowerShellCommand = { executable: 'powershell.exe' };

export function powershellArgs(prelude = ''): string[] {
  return ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', prelude + BOOTSTRAP];
}

export function envelope(script: string, data: unknown, id = ''): string {
  return JSON.stringify({ id, script, data });
}

export type PowerShellOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** Reads the answer out of everything PowerShell printed for one script (the last answer line counts). */
export function parsePowerShellOutput<T>(stdout: string, stderr = ''): PowerShellOutcome<T> {
  const line = stdout
    .split(/\r?\n/)
    .reverse()
    .find((l) => l.startsWith(RESULT_MARKER));
  if (!line) {
    const detail = stderr.trim().split(/\r?\n/).slice(0, 3).join(' ') || 'no result was printed';
    return { ok: false, error: `PowerShell did not finish the script: ${detail}` };
  }
  return answerLine<T>(line) ?? { ok: false, error: 'PowerShell printed a result that is not JSON.' };
}

/** One printed line as an answer: null when it is not one (or, given an id, not that envelope's). */
export function answerLine<T>(line: string, id?: string): PowerShellOutcome<T> | null {
  if (!line.startsWith(RESULT_MARKER)) return null;
  let parsed: { id?: string; ok: boolean; value?: T; error?: string };
  try {
    parsed = JSON.parse(line.slice(RESULT_MARKER.length));
  } catch {
    return null;
  }
  if (id !== undefined && parsed.id !== id) return null;
  return parsed.ok ? { ok: true, value: parsed.value as T } : { ok: false, error: String(parsed.error ?? 'unknown error') };
}

export interface PowerShellRunner {
  run<T>(script: string, data?: unknown, timeoutMs?: number): Promise<PowerShellOutcome<T>>;
}

interface Pending {
  id: string;
  resolve: (outcome: PowerShellOutcome<never>) => void;
  timer: NodeJS.Timeout;
}

const STDERR_KEPT = 4000;
const WINDOWS = process.platform === 'win32';

function kill(child: ChildProcessWithoutNullStreams): void {
  if (!WINDOWS && child.pid) {
    try {
      process.kill(-child.pid, 'SIGKILL');
      return;
    } catch {
      // The group is gone already.
    }
  }
  child.kill();
}

/**
 * The session: scripts go one after another to one PowerShell process, started at the first script and again after
 * it died or was killed for not answering in time. It never keeps Node alive while idle, and `close` ends it.
 */
export class PowerShellSession implements PowerShellRunner {
  private child: ChildProcessWithoutNullStreams | null = null;
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private stdout = '';
  private stderr = '';
  /** How many PowerShell processes this session started (the benchmark's figure: one per run). */
  starts = 0;

  constructor(private readonly command: PowerShellCommand = WINDOWS_POWERSHELL) {}

  /** The running process's id, for tests that look at its command line or kill it. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  run<T>(script: string, data: unknown = {}, timeoutMs = 120_000): Promise<PowerShellOutcome<T>> {
    const next = this.queue.then(() => this.send<T>(script, data, timeoutMs));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Ends the process once the scripts sent so far have answered. */
  async close(): Promise<void> {
    await this.queue;
    const child = this.child;
    if (!child) return;
    this.child = null;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => kill(child), 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.stdin.end();
    });
  }

  private start(): ChildProcessWithoutNullStreams {
    // Its own process group off Windows, so that a kill reaches pwsh behind the .NET tool's launcher too.
    const child = spawn(this.command.executable, powershellArgs(this.command.prelude), { windowsHide: true, env: this.command.env ?? process.env, detached: !WINDOWS });
    this.starts += 1;
    this.stdout = '';
    this.stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (this.child === child) this.read(d);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (this.child === child) this.stderr = (this.stderr + d).slice(-STDERR_KEPT);
    });
    // A process that exits before reading its input closes the pipe: 'exit' reports that, not an EPIPE.
    child.stdin.on('error', () => {});
    child.on('error', (err) => this.ended(child, `PowerShell could not be started: ${err.message}`));
    child.on('exit', (code, signal) => {
      const detail = this.stderr.trim().split(/\r?\n/).slice(0, 3).join(' ');
      this.ended(child, `PowerShell stopped before finishing the script (${signal ?? `exit code ${code}`})${detail ? `: ${detail}` : '.'}`);
    });
    return child;
  }

  private send<T>(script: string, data: unknown, timeoutMs: number): Promise<PowerShellOutcome<T>> {
    const child = this.child ?? (this.child = this.start());
    this.hold(child, true);
    return new Promise<PowerShellOutcome<T>>((resolve) => {
      const id = randomBytes(8).toString('hex');
      const timer = setTimeout(() => {
        // A script that hangs takes its process with it; the next script starts a new one.
        this.ended(child, `PowerShell did not answer within ${Math.round(timeoutMs / 1000)} seconds.`);
        kill(child);
      }, timeoutMs);
      this.pending = { id, timer, resolve: resolve as (o: PowerShellOutcome<never>) => void };
      child.stdin.write(`${envelope(script, data, id)}\n`);
    });
  }

  private read(chunk: string): void {
    this.stdout += chunk;
    const lines = this.stdout.split('\n');
    this.stdout = lines.pop() ?? '';
    for (const line of lines) {
      if (!this.pending) continue;
      const outcome = answerLine<never>(line.replace(/\r$/, ''), this.pending.id);
      if (outcome) this.settle(outcome);
    }
  }

  private settle(outcome: PowerShellOutcome<never>): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    clearTimeout(pending.timer);
    if (this.child) this.hold(this.child, false);
    pending.resolve(outcome);
  }

  private ended(child: ChildProcessWithoutNullStreams, error: string): void {
    if (this.child !== child) return;
    this.child = null;
    // Whatever is left of it reads the end of its input and stops.
    child.stdin.destroy();
    this.settle({ ok: false, error });
  }

  /** A busy process keeps Node running until it answers; an idle one does not. */
  private hold(child: ChildProcessWithoutNullStreams, busy: boolean): void {
    // The pipes are sockets; their types do not say so.
    for (const handle of [child, child.stdin, child.stdout, child.stderr] as unknown as { ref(): void; unref(): void }[]) {
      if (busy) handle.ref();
      else handle.unref();
    }
  }
}

/** A PowerShell single-quoted string literal: only the quote itself needs doubling. */
export function psQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`;
}
