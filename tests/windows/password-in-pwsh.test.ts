import { afterAll, describe, expect, it } from 'vitest';
import { fakeWindows, passwordDigest, type FakeState, type FakeWindows } from '../support/fake-windows';
import { defaultScenarioCopy, REHEARSAL_ACCOUNT_PASSWORD } from '../support/scenario-copy';

/**
 * The Windows host's password check (PrincipalContext.ValidateCredentials, once) in real pwsh against the fake
 * Windows: the scenario's accounts with their passwords (digests in the fake's state), a local account, a domain
 * that does not answer, and a password with characters outside ASCII, which must arrive intact through stdin.
 */
const SLOW = { timeout: 120_000 };
const NON_ASCII = 'Pässwörd ä ł ő';
const computers: FakeWindows[] = [];
afterAll(() => Promise.all(computers.map((w) => w.host.close())));

function computer(scenario?: (s: Record<string, any>) => void, patch?: (state: FakeState) => void): FakeWindows {
  const w = fakeWindows({ scenarioFile: scenario ? defaultScenarioCopy(scenario) : undefined, patch });
  computers.push(w);
  return w;
}

const withLocalAccount = (s: Record<string, any>) => {
  s.accounts.push({ name: 'CDX-HQ01\\svc-local', password: NON_ASCII });
};
const attempts = (w: FakeWindows) => w.calls().filter((c) => c.command === 'ValidateCredentials').length;

describe('the app pool password against its domain, in PowerShell (10 item 7d)', () => {
  it('accepts the right password and refuses a wrong one, one sign-in attempt each', SLOW, async () => {
    const w = computer();
    expect(await w.host.facts.verifyAccountPassword('CONTOSO\\svc-async', REHEARSAL_ACCOUNT_PASSWORD)).toEqual({ verdict: 'valid' });
    expect(attempts(w)).toBe(1);
    expect(await w.host.facts.verifyAccountPassword('CONTOSO\\svc-async', 'Wrong-Pa55!')).toEqual({ verdict: 'wrong-password' });
    expect(attempts(w)).toBe(2);
    // The state holds a digest only, never the password.
    expect(JSON.stringify(w.readState())).not.toContain(REHEARSAL_ACCOUNT_PASSWORD);
    expect(w.readState().accounts.find((a: { name: string }) => a.name === 'CONTOSO\\svc-async').passwordSha256).toBe(passwordDigest(REHEARSAL_ACCOUNT_PASSWORD));
  });

  it('says an account nobody knows is unknown, without a sign-in attempt', SLOW, async () => {
    const w = computer();
    expect(await w.host.facts.verifyAccountPassword('CONTOSO\\svc-nobody', 'Any-Pa55!')).toEqual({ verdict: 'unknown-account' });
    expect(attempts(w)).toBe(0);
  });

  it('cannot check when no domain controller answers, and says why', SLOW, async () => {
    const w = computer((s) => (s.computer.domainControllerReachable = false));
    expect(await w.host.facts.verifyAccountPassword('CONTOSO\\svc-async', REHEARSAL_ACCOUNT_PASSWORD)).toEqual({ verdict: 'cannot-check', reason: 'The server could not be contacted' });
  });

  it('checks a local account (COMPUTER\\user, as .\\user is expanded) on this computer, with a non-ASCII password intact', SLOW, async () => {
    const w = computer((s) => {
      withLocalAccount(s);
      s.computer.domainControllerReachable = false;
    });
    // The domain does not answer, but a local account is this computer's to judge (a Machine context).
    expect(await w.host.facts.verifyAccountPassword('CDX-HQ01\\svc-local', NON_ASCII)).toEqual({ verdict: 'valid' });
    expect(await w.host.facts.verifyAccountPassword('CDX-HQ01\\svc-local', 'Passwörd ä ł o')).toEqual({ verdict: 'wrong-password' });
  });

  it('cannot check an account whose scenario gives no password, saying so', SLOW, async () => {
    const w = computer();
    const verdict = await w.host.facts.verifyAccountPassword('CONTOSO\\svc-aos', 'Any-Pa55!');
    expect(verdict).toEqual({ verdict: 'cannot-check', reason: 'The fake Windows does not know the password of CONTOSO\\svc-aos: its scenario gives none' });
  });

  it('a fault of ValidateCredentials is a check that could not be made, and its message never carries the password', SLOW, async () => {
    const w = computer(undefined, (state) => (state.faults = [{ command: 'ValidateCredentials', occurrence: 1, message: `LDAP bind failed for ${REHEARSAL_ACCOUNT_PASSWORD}` }]));
    expect(await w.host.facts.verifyAccountPassword('CONTOSO\\svc-async', REHEARSAL_ACCOUNT_PASSWORD)).toEqual({ verdict: 'cannot-check', reason: 'LDAP bind failed for ********' });
  });
});

describe('the fake refuses what Windows refuses (PrincipalContext)', () => {
  const run = (w: FakeWindows, script: string, data: unknown = {}) => w.host.powershell.run<unknown>(script, data);

  it('has no PrincipalContext before Add-Type -AssemblyName System.DirectoryServices.AccountManagement', SLOW, async () => {
    const w = computer();
    const before = await run(w, "New-Object System.DirectoryServices.AccountManagement.PrincipalContext('Domain', 'CONTOSO')");
    expect(before).toMatchObject({ ok: false, error: expect.stringContaining('verify that the assembly containing this type is loaded') });
  });

  it('answers true for an empty password on a domain (an anonymous bind), which is why the script refuses to ask with one', SLOW, async () => {
    const w = computer();
    const empty = await run(w, "Add-Type -AssemblyName System.DirectoryServices.AccountManagement; (New-Object System.DirectoryServices.AccountManagement.PrincipalContext('Domain', 'CONTOSO')).ValidateCredentials('svc-async', '')");
    expect(empty).toEqual({ ok: true, value: true });
    await expect(w.host.facts.verifyAccountPassword('CONTOSO\\svc-async', '')).resolves.toEqual({ verdict: 'cannot-check', reason: 'No password was given to check' });
  });

  it('cannot open a domain context on a computer in a workgroup', SLOW, async () => {
    const w = computer((s) => (s.computer.domain = null));
    const ctx = await run(w, "Add-Type -AssemblyName System.DirectoryServices.AccountManagement; New-Object System.DirectoryServices.AccountManagement.PrincipalContext('Domain', 'CONTOSO')");
    expect(ctx).toMatchObject({ ok: false, error: expect.stringContaining('The server could not be contacted.') });
  });
});
