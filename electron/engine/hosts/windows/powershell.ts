import { spawn } from 'node:child_process';

/**
 * PowerShell runs with a fixed bootstrap on its command line; the script and its data (secrets included) travel on
 * standard input as one JSON envelope, so no secret ever appears in a process listing. The script's result comes
 * back as JSON on the last line after a marker, so warnings and progress text cannot corrupt it.
 */
export const RESULT_MARKER = '##CDX-RESULT##';

export const BOOTSTRAP = [
  '$ErrorActionPreference = "Stop";',
  '$ProgressPreference = "SilentlyContinue";',
  '$envelope = [Console]::In.ReadToEnd() | ConvertFrom-Json;',
  '$Data = $envelope.data;',
  'try {',
  '  $result = & ([scriptblock]::Create($envelope.script));',
  `  Write-Output ("${RESULT_MARKER}" + (ConvertTo-Json -InputObject @{ ok = $true; value = $result } -Depth 10 -Compress))`,
  '} catch {',
  `  Write-Output ("${RESULT_MARKER}" + (ConvertTo-Json -InputObject @{ ok = $false; error = $_.Exception.Message } -Compress))`,
  '}',
].join(' ');

export function powershellArgs(): string[] {
  return ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', BOOTSTRAP];
}

export function envelope(script: string, data: unknown): string {
  return JSON.stringify({ script, data });
}

export type PowerShellOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** Reads the marker line out of what PowerShell printed. */
export function parsePowerShellOutput<T>(stdout: string, stderr = ''): PowerShellOutcome<T> {
  const line = stdout
    .split(/\r?\n/)
    .reverse()
    .find((l) => l.startsWith(RESULT_MARKER));
  if (!line) {
    const detail = stderr.trim().split(/\r?\n/).slice(0, 3).join(' ') || 'no result was printed';
    return { ok: false, error: `PowerShell did not finish the script: ${detail}` };
  }
  try {
    const parsed = JSON.parse(line.slice(RESULT_MARKER.length)) as { ok: boolean; value?: T; error?: string };
    return parsed.ok ? { ok: true, value: parsed.value as T } : { ok: false, error: String(parsed.error ?? 'unknown error') };
  } catch {
    return { ok: false, error: 'PowerShell printed a result that is not JSON.' };
  }
}

export interface PowerShellRunner {
  run<T>(script: string, data?: unknown, timeoutMs?: number): Promise<PowerShellOutcome<T>>;
}

export const spawnPowerShell: PowerShellRunner = {
  run<T>(script: string, data: unknown = {}, timeoutMs = 120_000) {
    return new Promise<PowerShellOutcome<T>>((resolve) => {
      const child = spawn('powershell.exe', powershellArgs(), { windowsHide: true });
      let stdout = '';
      let stderr = '';
      const timer = setTimeout(() => {
        child.kill();
        resolve({ ok: false, error: `PowerShell did not answer within ${Math.round(timeoutMs / 1000)} seconds.` });
      }, timeoutMs);
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('error', (err) => {
        clearTimeout(timer);
        resolve({ ok: false, error: `PowerShell could not be started: ${err.message}` });
      });
      child.on('close', () => {
        clearTimeout(timer);
        resolve(parsePowerShellOutput<T>(stdout, stderr));
      });
      child.stdin.end(envelope(script, data));
    });
  },
};

/** A PowerShell single-quoted string literal: only the quote itself needs doubling. */
export function psQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`;
}
