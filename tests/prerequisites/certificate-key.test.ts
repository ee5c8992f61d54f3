import { describe, expect, it } from 'vitest';
import { KEY_READ_RULE } from '../../electron/engine/hosts/machine/key-rights';
import { afterConfigure, chosenSettings, GOOD_THUMBPRINT, NO_KEY_THUMBPRINT, rehearsalHost, resultOf, scenarioFile } from './helpers';

const ID = 'certificate-private-key';
const SUBJECT = /"CN=cdx-hq01\.contoso\.com[^"]*" \(D0743827EFD9BFA20059CE80157DF8B8B74EE50B\)/;

/** The default scenario with the Async Server certificate's key stored as `key` says. */
const hostWithKey = (key: Record<string, unknown>) =>
  rehearsalHost(
    scenarioFile((s) => {
      s.certificates[0].key = key;
    }),
  );

describe('the private key of the SSL certificate', () => {
  it('passes for a CSP key Setup can give the app pool identity, saying where the key is and whom it grants Read', async () => {
    const result = await resultOf(ID, rehearsalHost(scenarioFile()));
    expect(result.status).toBe('passed');
    expect(result.details).toMatch(/^Its private key is a CryptoAPI \(CSP\) key, C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys\\[0-9a-f]{32}_[0-9a-f-]+, whose permissions Setup can change: it grants the app pool identity CONTOSO\\svc-async Read on it\.$/);
  });

  it('passes for a CNG key, in the Keys folder', async () => {
    const result = await resultOf(ID, hostWithKey({ provider: 'CNG', name: 'cng-key' }));
    expect(result).toMatchObject({ status: 'passed', details: expect.stringContaining('a CNG key, C:\\ProgramData\\Microsoft\\Crypto\\Keys\\cng-key,') });
  });

  it('says so when the app pool identity already has Read', async () => {
    const host = hostWithKey({ provider: 'CNG', name: 'cng-key', rules: [{ identity: 'BUILTIN\\Administrators', rights: 'FullControl' }, { identity: 'CONTOSO\\svc-async', rights: 'Read' }] });
    const result = await resultOf(ID, host);
    expect(result.status).toBe('passed');
    expect(result.details).toMatch(/^The app pool identity CONTOSO\\svc-async already has Read on the private key of the certificate /);
    expect(result.details).toMatch(SUBJECT);
    expect(result.details).toMatch(/Setup leaves its rule as it is\.$/);
    // Network Service, named by its SID, once it has been granted Full control.
    await host.machine.writeKeyAccess({ file: 'C:\\ProgramData\\Microsoft\\Crypto\\Keys\\cng-key', identity: 'S-1-5-20', rights: 0x1f01ff });
    const network = await resultOf(ID, host, afterConfigure(chosenSettings({ AppPoolUser: 'NT Authority\\Network Service' })));
    expect(network.details).toMatch(/^The app pool identity NT Authority\\Network Service already has Full control on/);
  });

  it('grants ApplicationPoolIdentity once the pool exists, and reads its rule after', async () => {
    const host = rehearsalHost(scenarioFile());
    const settings = chosenSettings({ AppPoolUser: '' });
    expect((await resultOf(ID, host, afterConfigure(settings))).details).toMatch(/it grants IIS AppPool\\AsyncServer Read on it once it has created the application pool\.$/);
    await host.machine.writeAppPool({ name: 'AsyncServer', identityType: 'ApplicationPoolIdentity', userName: '', managedRuntimeVersion: 'v4.0', pipelineMode: 'Integrated' });
    const found = await host.machine.findCertificateKey(GOOD_THUMBPRINT, 'My');
    await host.machine.writeKeyAccess({ file: (found as { file: string }).file, identity: 'IIS AppPool\\AsyncServer', rights: KEY_READ_RULE });
    expect((await resultOf(ID, host, afterConfigure(settings))).details).toMatch(/^The app pool identity IIS AppPool\\AsyncServer already has Read/);
  });

  it('fails, naming the certificate, the key kind and the fix, when the key file is not on the computer', async () => {
    const result = await resultOf(ID, hostWithKey({ provider: 'CNG', name: 'on-a-smart-card', onDisk: false }));
    expect(result.status).toBe('error');
    expect(result.details).toMatch(SUBJECT);
    expect(result.details).toContain('is a CNG key whose file C:\\ProgramData\\Microsoft\\Crypto\\Keys\\on-a-smart-card is not on this computer');
    expect(result.fix).toContain('Import-PfxCertificate -CertStoreLocation Cert:\\LocalMachine\\My');
  });

  it('fails when the user running Setup cannot read the key file\'s permissions, with certlm.msc\'s Manage Private Keys as the fix', async () => {
    const result = await resultOf(ID, hostWithKey({ provider: 'CSP', name: 'system-only', rules: [{ identity: 'NT AUTHORITY\\SYSTEM', rights: 'FullControl' }] }));
    expect(result.status).toBe('error');
    expect(result.details).toMatch(SUBJECT);
    expect(result.details).toContain('The user running Setup cannot read the permissions of C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys\\system-only, the CSP key file of the private key of the certificate');
    expect(result.fix).toMatch(/certlm\.msc .*Personal > Certificates.*All Tasks > Manage Private Keys/);
  });

  it('leaves a certificate without a key, and no thumbprint yet, to the SSL certificate check', async () => {
    const host = rehearsalHost(scenarioFile());
    expect((await resultOf(ID, host, afterConfigure(chosenSettings({ WebSiteSSLCertificateThumbprint: NO_KEY_THUMBPRINT })))).status).toBe('not-applicable');
    expect((await resultOf(ID, host, afterConfigure(chosenSettings({ WebSiteSSLCertificateThumbprint: '' })))).status).toBe('not-applicable');
  });
});
