import type { CheckResult } from '../../../shared/prerequisites/report';
import type { CheckContext, CheckOutcome, PrerequisiteCheck } from './check';

export const DEFAULT_CHECK_TIMEOUT_MS = 30_000;

export interface RunOptions {
  defaultTimeoutMs?: number;
  /** Called as each check finishes, in the order they finish. */
  onResult?(result: CheckResult, completed: number, total: number): void;
}

/**
 * Runs the checks side by side, each under its own time limit. A check that throws or runs out of time is an error
 * that says so: validation always finishes. Results come back in the checks' order.
 */
export async function runChecks(checks: PrerequisiteCheck[], ctx: CheckContext, options: RunOptions = {}): Promise<CheckResult[]> {
  let completed = 0;
  return Promise.all(
    checks.map(async (check) => {
      const started = performance.now();
      const outcome = await runOne(check, ctx, check.timeoutMs ?? options.defaultTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS);
      const result: CheckResult = { id: check.id, title: check.title, ...outcome, durationMs: Math.round(performance.now() - started) };
      options.onResult?.(result, ++completed, checks.length);
      return result;
    }),
  );
}

async function runOne(check: PrerequisiteCheck, ctx: CheckContext, timeoutMs: number): Promise<CheckOutcome> {
  if (!check.hosts.includes(ctx.host.kind)) {
    return { status: 'not-applicable', details: 'Checked only on Windows (or in a rehearsal): this computer is not Windows, so it was not run.', fix: '' };
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          status: 'error',
          details: `The check did not finish within its time limit of ${formatSeconds(timeoutMs)}, so its result is unknown.`,
          fix: 'Run the validation again. If it times out again, the computer is too busy or something it asks (PowerShell, IIS, the network) does not answer: look into that first.',
        }),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([check.run(ctx), timeout]);
  } catch (err) {
    return {
      status: 'error',
      details: `The check could not run: ${err instanceof Error ? err.message : String(err)}`,
      fix: 'Correct the cause named above and run the validation again.',
    };
  } finally {
    clearTimeout(timer);
  }
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} seconds`;
}
