import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/components/async-server/parameters';
import { rehearsalEngine } from '../support/rehearsal';

describe('the engine API validates every request against the contract', () => {
  const { engine } = rehearsalEngine();

  it('rejects an unknown method', async () => {
    expect(await engine.dispatch('settings.delete', {})).toEqual({ ok: false, error: { code: 'unknown-method', message: '"settings.delete" is not a CDX Setup API method.' } });
  });

  it('rejects a malformed request with a message naming the field', async () => {
    const result = await engine.dispatch('settings.check', { settings: { ...defaultSettings(), WebSiteHttpsPort: 8443 }, configure: true, passwordProvided: true });
    expect(result).toEqual({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('settings.WebSiteHttpsPort'), field: 'settings.WebSiteHttpsPort' },
    });
  });

  it('rejects a settings key the contract does not know (wrong case included)', async () => {
    const { WebSiteName, ...rest } = defaultSettings();
    const result = await engine.dispatch('settings.check', { settings: { ...rest, websitename: WebSiteName }, configure: true, passwordProvided: false });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/websitename|WebSiteName/);
  });

  it('answers a valid request with the shared rules\' verdict and the cleaned thumbprint', async () => {
    const settings = { ...defaultSettings(), WebSiteHttpsPort: '443', WebSiteSSLCertificateThumbprint: '\u200Ed0743827efd9bfa20059ce80157df8b8b74ee50b' };
    const result = await engine.dispatch('settings.check', { settings, configure: true, passwordProvided: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as { normalized: typeof settings; issues: { field: string; severity: string }[] };
    expect(value.normalized.WebSiteSSLCertificateThumbprint).toBe('D0743827EFD9BFA20059CE80157DF8B8B74EE50B');
    expect(value.issues).toContainEqual(expect.objectContaining({ field: 'WebSiteHttpsPort', severity: 'warning' }));
  });

  it('expands settings with the rehearsal computer\'s environment', async () => {
    const result = await engine.dispatch('settings.expand', { settings: { ...defaultSettings(), HQMessageDatabaseServerName: 'SQLHQ01' } });
    expect(result).toMatchObject({ ok: true, value: { expanded: { WebApplicationWorkingFolder: 'C:\\inetpub\\AsyncServerSite\\AsyncServer', HQMessageDatabaseServerOverride: 'SQLHQ01' } } });
  });
});
