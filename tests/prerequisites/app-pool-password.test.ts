import { describe, expect, it } from 'vitest';
import { validatePrerequisites } from '../../electron/engine/prerequisites/validate';
import { verifyRehearsalPassword } from '../../electron/engine/hosts/rehearsal/rehearsal-accounts';
import { FactsSections } from '../../electron/engine/hosts/rehearsal/facts-scenario';
import { REHEARSAL_ACCOUNT_PASSWORD } from '../support/scenario-copy';
import { afterConfigure, chosenSettings, rehearsalHost, scenarioFile } from './helpers';

const WRONG = 'Wrong-Pa55word!';

/** The app pool password check on the rehearsal host, from the scenario's accounts and their passwords (10 item 7d). */
async function passwordCheck(host = rehearsalHost(), password: string | undefined = REHEARSAL_ACCOUNT_PASSWORD, settings = chosenSettings(), stage: 'before-configure' | 'after-configure' = 'after-configure') {
  const report = await validatePrerequisites({ ...afterConfigure(settings), stage }, { host, toolVersion: 'test', secrets: { appPoolPassword: password } });
  return report.results.find((r) => r.id === 'app-pool-password')!;
}

describe('the app pool password check', () => {
  it('passes with the password the domain accepts', async () => {
    const result = await passwordCheck();
    expect(result).toMatchObject({ status: 'passed', details: 'The password for CONTOSO\\svc-async is correct: the domain CONTOSO accepts it.' });
  });

  it('fails with a wrong password, naming the account and the Password field', async () => {
    const result = await passwordCheck(rehearsalHost(), WRONG);
    expect(result.status).toBe('error');
    expect(result.details).toMatch(/^The password for CONTOSO\\svc-async is not correct: the domain CONTOSO refuses it .*Async Server would answer HTTP 503\.$/);
    expect(result.fix).toMatch(/^Enter the account's current password in Password on Configure Async Server/);
    expect(JSON.stringify(result)).not.toContain(WRONG);
  });

  it('takes a user principal name as the account Windows translates it to', async () => {
    const result = await passwordCheck(rehearsalHost(), REHEARSAL_ACCOUNT_PASSWORD, chosenSettings({ AppPoolUser: 'svc-async@contoso.com' }));
    expect(result).toMatchObject({ status: 'passed', details: expect.stringContaining('svc-async@contoso.com (CONTOSO\\svc-async) is correct') });
  });

  it('checks a local account (.\\user) on this computer even when no domain controller answers', async () => {
    const host = rehearsalHost(
      scenarioFile((s) => {
        s.accounts.push({ name: 'CDX-HQ01\\svc-local', password: 'Lokal-ä ł ő' });
        s.computer.domainControllerReachable = false;
      }),
    );
    const settings = chosenSettings({ AppPoolUser: '.\\svc-local', HQMessageDatabaseServerName: 'CDX-HQ01' });
    expect((await passwordCheck(host, 'Lokal-ä ł ő', settings)).status).toBe('passed');
    expect((await passwordCheck(host, 'Lokal-a l o', settings)).status).toBe('error');
  });

  it('warns, saying why, when the domain cannot be asked, and the installation goes on', async () => {
    const result = await passwordCheck(rehearsalHost(scenarioFile((s) => (s.computer.domainControllerReachable = false))));
    expect(result.status).toBe('warning');
    expect(result.details).toBe(
      'The password for CONTOSO\\svc-async could not be checked: no domain controller of CONTOSO could be contacted. The installation goes on without this check; if the password is wrong, the application pool would stop at its first request and Async Server would answer HTTP 503.',
    );
    expect(result.fix).toMatch(/domain controller of CONTOSO answers/);
  });

  it('is an error for an account the domain does not know', async () => {
    const result = await passwordCheck(rehearsalHost(), WRONG, chosenSettings({ AppPoolUser: 'CONTOSO\\nobody' }));
    expect(result).toMatchObject({ status: 'error', details: 'CONTOSO\\nobody (AppPoolUser) is not known to the domain CONTOSO, so its password cannot be checked.' });
  });

  it.each([
    ['no password is given', chosenSettings(), '', 'after-configure', 'No password was given for CONTOSO\\svc-async, so it was not checked.'],
    ['the identity is built in', chosenSettings({ AppPoolUser: 'NT Authority\\Network Service' }), WRONG, 'after-configure', 'NT Authority\\Network Service (AppPoolUser) is a built-in account: it has no password to check.'],
    ['the pool runs as ApplicationPoolIdentity', chosenSettings({ AppPoolUser: '' }), WRONG, 'after-configure', 'The application pool runs as ApplicationPoolIdentity, which has no password.'],
    ['it is the first validation page', chosenSettings(), WRONG, 'before-configure', 'The password is checked after Configure Async Server, where it is entered.'],
  ] as const)('is skipped, saying why, when %s', async (_, settings, password, stage, details) => {
    expect(await passwordCheck(rehearsalHost(), password, settings, stage)).toMatchObject({ status: 'not-applicable', details });
  });

  it('is not applicable when only the files are placed', async () => {
    const report = await validatePrerequisites({ ...afterConfigure(), configure: false }, { host: rehearsalHost(), toolVersion: 'test', secrets: { appPoolPassword: WRONG } });
    expect(report.results.find((r) => r.id === 'app-pool-password')?.status).toBe('not-applicable');
  });
});

describe('the rehearsal domain controller', () => {
  const sections = (patch: Record<string, unknown> = {}) =>
    FactsSections.parse({ computer: { name: 'CDX-HQ01', domain: 'CONTOSO', ...patch }, accounts: [{ name: 'CONTOSO\\a', password: 'pw-a' }, 'CONTOSO\\b', { name: 'CDX-HQ01\\l', password: 'pw-l' }] });

  it.each([
    ['CONTOSO\\a', 'pw-a', {}, { verdict: 'valid' }],
    ['contoso\\A', 'pw-a', {}, { verdict: 'valid' }],
    ['CONTOSO\\a', 'PW-A', {}, { verdict: 'wrong-password' }],
    ['CONTOSO\\nobody', 'x', {}, { verdict: 'unknown-account' }],
    ['CONTOSO\\b', 'x', {}, { verdict: 'cannot-check', reason: 'the rehearsal scenario gives no password for CONTOSO\\b' }],
    ['CONTOSO\\a', 'pw-a', { domainControllerReachable: false }, { verdict: 'cannot-check', reason: 'no domain controller of CONTOSO could be contacted' }],
    ['CONTOSO\\a', 'pw-a', { domain: null }, { verdict: 'cannot-check', reason: 'CDX-HQ01 is in a workgroup: no domain answers for CONTOSO' }],
    ['CDX-HQ01\\l', 'pw-l', { domainControllerReachable: false }, { verdict: 'valid' }],
    ['.\\l', 'pw-l', {}, { verdict: 'valid' }],
  ])('%s with %s (%j) is %j', (account, password, computer, verdict) => {
    expect(verifyRehearsalPassword(sections(computer), account, password)).toEqual(verdict);
  });
});
