import { describe, expect, it } from 'vitest';
import { loadSettingsFile, parseSettingsBytes } from '../../electron/engine/settings-files/load';
import { ASYNC_SERVER_PARAMETER_FILE } from '../../shared/components/async-server/parameter-file-keys';
import { writeSettingsXml } from '../../electron/engine/settings-files/write';
import { CANARY, fixture } from './helpers';

describe('AX Setup parameter file', () => {
  it('maps the Async Server keys to ss-settings.xml parameters, with lines', async () => {
    const loaded = await loadSettingsFile(fixture('ax-setup-parameters.txt'));
    expect(loaded.format).toBe('parameter file');
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(loaded.settings).toMatchObject({
      HQMessageDatabaseServerName: 'SQLHQ01',
      HQMessageDatabaseServerNamedInstanceName: 'SQLHQ01\\AX',
      HQMessageDatabase: 'AsyncServerMessageDB',
      WebSiteName: 'AsyncServerSite',
      AppPoolName: 'AsyncServer',
      WebApplicationName: 'AsyncServer',
      AppPoolUser: 'CONTOSO\\svc-async',
      AOSServiceUser: 'CONTOSO\\svc-aos',
      WebSiteHttpsPort: '8443',
      WebSiteTcpPort: '808',
      WebSiteSSLCertificateThumbprint: 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B',
      WebSiteWorkingFolder: '%SystemDrive%\\inetpub\\AsyncServerSite',
    });
    expect(loaded.written.WebSiteHttpsPort?.line).toBe(15);
    expect(loaded.choices).toEqual({ components: ['async-server'] });
    expect(Object.keys(ASYNC_SERVER_PARAMETER_FILE.parameters)).toHaveLength(11);
  });

  it('never carries the password over, nor repeats it', async () => {
    const loaded = await loadSettingsFile(fixture('ax-setup-parameters.txt'));
    expect(loaded.problems).toContainEqual(expect.objectContaining({ key: 'SynchServiceHeadOfficePassword', line: 14, severity: 'warning' }));
    const values = Object.fromEntries(Object.entries(loaded.written).map(([k, e]) => [k, e.value]));
    const converted = writeSettingsXml({ values, choices: loaded.choices, comments: loaded.comments });
    expect(JSON.stringify(loaded) + converted).not.toContain(CANARY);
  });

  it('says which AX Setup parameters of other components it ignores', async () => {
    const loaded = await loadSettingsFile(fixture('ax-setup-parameters.txt'));
    expect(loaded.problems).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('HideUi, AcceptLicenseTerms, LogDir') }));
  });

  it('reports a misspelled key, a line that is not Name=Value and a key set twice, each with its line', async () => {
    const loaded = await loadSettingsFile(fixture('ax-setup-parameters-broken.txt'));
    expect(loaded.problems.map((p) => [p.line, p.key ?? null, p.severity])).toEqual([
      [2, 'SynchServiceHeadOfficeHttpPort', 'error'],
      [3, null, 'error'],
      [5, 'SynchServiceHeadOfficeDatabase', 'error'],
    ]);
    expect(loaded.problems[0].message).toContain('did you mean "SynchServiceHeadOfficeHttpsPort"?');
  });

  it('accepts AX Setup\'s case-insensitive names, naming the reference spelling', () => {
    const loaded = parseSettingsBytes(Buffer.from('synchserviceheadofficehttpsport=8443\r\n'), 'p.txt');
    expect(loaded.settings.WebSiteHttpsPort).toBe('8443');
    expect(loaded.problems).toMatchObject([{ severity: 'warning', line: 1, message: 'is spelled "SynchServiceHeadOfficeHttpsPort" in the setup parameters reference.' }]);
  });

  it('refuses a parameter file that removes Async Server or holds none of its parameters', () => {
    expect(parseSettingsBytes(Buffer.from('RemoveSynchServiceHeadOffice=1\n'), 'p.txt').problems).toMatchObject([{ severity: 'error', line: 1 }]);
    expect(parseSettingsBytes(Buffer.from('HideUi=1\n'), 'p.txt').problems.some((p) => p.severity === 'error')).toBe(true);
  });
});
