import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../shared/prerequisites/report';
import { passed, type PrerequisiteCheck } from '../../electron/engine/prerequisites/check';
import { validatePrerequisites } from '../../electron/engine/prerequisites/validate';
import { UnsupportedHost } from '../../electron/engine/hosts/unsupported-host';
import { afterConfigure, rehearsalHost, tempDir } from './helpers';

/** How many checks are running at once, and the most seen: side by side means all of them together. */
const running = { now: 0, most: 0 };

const slow = (id: string, ms: number, extra: Partial<PrerequisiteCheck> = {}): PrerequisiteCheck => ({
  id,
  title: `Check ${id}`,
  components: ['async-server'],
  hosts: ['rehearsal', 'windows', 'unsupported'],
  run: async () => {
    running.most = Math.max(running.most, ++running.now);
    await sleep(ms).finally(() => running.now--);
    return passed(`${id} done`);
  },
  ...extra,
});

describe('the check runner', () => {
  it('runs checks side by side and streams each result as it finishes', async () => {
    const streamed: string[] = [];
    running.most = 0;
    const report = await validatePrerequisites(afterConfigure(), {
      host: rehearsalHost(),
      toolVersion: 't',
      checks: [slow('a', 300), slow('b', 50), slow('c', 150)],
      onResult: (r: CheckResult, completed, total) => streamed.push(`${r.id} ${completed}/${total}`),
    });
    expect(streamed).toEqual(['b 1/3', 'c 2/3', 'a 3/3']);
    // In the checks' order in the report, whatever the order they finished in.
    expect(report.results.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    // Side by side, not one after another: all three were running at once (a count, not a clock, on a busy machine).
    expect(running.most).toBe(3);
  });

  it('turns a check that runs out of time into an error that says so, without waiting for it', async () => {
    const started = performance.now();
    const report = await validatePrerequisites(afterConfigure(), {
      host: rehearsalHost(),
      toolVersion: 't',
      checks: [slow('hangs', 60_000, { timeoutMs: 100 }), slow('quick', 10)],
    });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(report.results[0]).toMatchObject({ status: 'error', details: expect.stringContaining('did not finish within its time limit of 100 ms') });
    expect(report.results[1].status).toBe('passed');
    expect(report.summary).toMatchObject({ errors: 1, passed: 1, outcome: 'error' });
  });

  it('turns a check that throws into an error with the reason', async () => {
    const report = await validatePrerequisites(afterConfigure(), {
      host: rehearsalHost(),
      toolVersion: 't',
      checks: [slow('x', 0, { run: async () => { throw new Error('PowerShell could not be started: ENOENT'); } })],
    });
    expect(report.results[0]).toMatchObject({ status: 'error', details: 'The check could not run: PowerShell could not be started: ENOENT' });
  });

  it('reports a Windows-only check as not applicable on a computer that is not Windows, and leaves out other components\' checks', async () => {
    const report = await validatePrerequisites(afterConfigure(), {
      host: new UnsupportedHost(tempDir()),
      toolVersion: 't',
      checks: [slow('win', 0, { hosts: ['windows', 'rehearsal'] }), slow('client', 0, { components: [] })],
    });
    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({ id: 'win', status: 'not-applicable' });
  });

  it('asks the computer its facts once per run, however many checks need them', async () => {
    const host = rehearsalHost();
    let asked = 0;
    const original = host.facts.computer.bind(host.facts);
    host.facts.computer = () => (asked++, original());
    await validatePrerequisites(afterConfigure(), { host, toolVersion: 't' });
    expect(asked).toBe(1);
  });
});
