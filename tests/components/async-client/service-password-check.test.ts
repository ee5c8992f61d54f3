import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allFiles } from '../../install/support';
import { rehearsalEngine } from '../../support/rehearsal';
import { REHEARSAL_ACCOUNT_PASSWORD } from '../../support/scenario-copy';
import { clientSettings } from './helpers';

// The password the store scenario's STORE01\svc-cdx accepts: the check passes only with it, so it is also the canary.
const CANARY = REHEARSAL_ACCOUNT_PASSWORD;
const DATABASE = { mode: 'create', authentication: 'windows' } as const;

type Report = { results: { id: string; status: string; details: string }[] };

/** Page 8 for Async Client, as the wizard asks it after Configure Async Client, with every event it sent. */
async function page8(servicePassword?: string) {
  const { host, engine } = rehearsalEngine('store');
  const events: unknown[] = [];
  engine.subscribe((event) => events.push(event));
  const answer = await engine.dispatch('prerequisites.run', {
    runId: 'r',
    stage: 'after-configure',
    components: ['async-client'],
    settings: clientSettings(),
    configure: true,
    database: DATABASE,
    ...(servicePassword === undefined ? {} : { servicePassword }),
  });
  expect(answer).toMatchObject({ ok: true });
  const { report, savedTo } = (answer as { ok: true; value: { report: Report; savedTo: { html: string; json: string } | null } }).value;
  return { host, report, savedTo, events, check: report.results.find((r) => r.id === 'service-account-password')! };
}

describe("page 8 checks the Async Client service account's password the wizard sends", () => {
  it('passes with the password the account has, and names a wrong one, as the install gate does', async () => {
    expect((await page8(CANARY)).check).toMatchObject({ status: 'passed', details: expect.stringContaining('STORE01\\svc-cdx') });
    const wrong = await page8(`${CANARY}-wrong`);
    expect(wrong.check).toMatchObject({ status: 'error', details: expect.stringContaining('The password for STORE01\\svc-cdx is not correct') });
  });

  it('says it was not checked when no password was entered', async () => {
    expect((await page8()).check).toMatchObject({ status: 'not-applicable', details: 'No password was given for STORE01\\svc-cdx, so it was not checked.' });
  });

  it('keeps the password out of the report, the saved report files, the logs and the events', async () => {
    const { host, report, savedTo, events, check } = await page8(CANARY);
    expect(check.status).toBe('passed');
    expect(JSON.stringify(report)).not.toContain(CANARY);
    expect(JSON.stringify(events)).not.toContain(CANARY);
    expect(events.length).toBeGreaterThan(0);
    expect(savedTo).not.toBeNull();
    for (const file of [savedTo!.html, savedTo!.json]) expect(readFileSync(file, 'utf8'), file).not.toContain(CANARY);
    // Everything the run wrote on the simulated computer: the support files (logs, kept reports) and its state.
    const written = allFiles(host.sandboxRoot);
    expect(written).toEqual(expect.arrayContaining([savedTo!.html]));
    for (const file of written) expect(readFileSync(file, 'utf8'), file).not.toContain(CANARY);
  });
});
