import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../shared/components/async-server/parameters';
import { checkAccount, checkIisName, checkPort, checkSqlInstance, checkThumbprint, normalizeThumbprint } from '../../shared/settings/rules';
import { validateSettings } from '../../shared/components/async-server/rules';

const GOOD: Settings = {
  ...defaultSettings(),
  HQMessageDatabaseServerName: 'SQLHQ01',
  HQMessageDatabase: 'AsyncServerMessageDB',
  AppPoolUser: 'CONTOSO\\svc-async',
  WebSiteHttpsPort: '8443',
  WebSiteSSLCertificateThumbprint: 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B',
};

const errorsOf = (s: Partial<Settings>, passwordProvided = true) =>
  validateSettings({ ...GOOD, ...s }, { configure: true, passwordProvided }).filter((i) => i.severity === 'error');

describe('the guide\'s defaults', () => {
  it('are exactly the parameter table\'s', () => {
    expect(defaultSettings()).toMatchObject({
      WebSiteName: 'AsyncServerSite',
      AppPoolName: 'AsyncServer',
      AOSServiceUser: 'NT Authority\\Network Service',
      WebApplicationName: 'AsyncServer',
      WebSiteTcpPort: '808',
      WebSiteSSLCertificateRootStore: 'LocalMachine',
      WebSiteSSLCertificateStore: 'My',
      WebSiteWorkingFolder: '%SystemDrive%\\inetpub\\AsyncServerSite',
      WebApplicationWorkingFolder: '[WebSiteWorkingFolder]\\[WebApplicationName]',
      HQMessageDatabaseServerOverride: '[HQMessageDatabaseServerName]',
      HQMessageDatabaseServerName: '',
      AppPoolUser: '',
      WebSiteHttpsPort: '',
      WebSiteSSLCertificateThumbprint: '',
    });
  });

  it('with valid entries give no issue at all', () => {
    expect(validateSettings(GOOD, { configure: true, passwordProvided: true })).toEqual([]);
  });
});

describe('ports', () => {
  it.each([
    ['0', 'out of range'],
    ['65536', 'out of range'],
    ['abc', 'whole number'],
    ['-1', 'whole number'],
    ['8.5', 'whole number'],
  ])('refuses %s', (value, text) => {
    expect(checkPort(value, true)).toContain(text);
  });

  it('accepts 1 and 65535, and an empty optional port', () => {
    expect(checkPort('1', true)).toBeNull();
    expect(checkPort('65535', true)).toBeNull();
    expect(checkPort('', false)).toBeNull();
    expect(checkPort('', true)).toContain('Enter a port');
  });

  it('warns on 443 without blocking', () => {
    const issues = validateSettings({ ...GOOD, WebSiteHttpsPort: '443' }, { configure: true, passwordProvided: true });
    expect(issues).toEqual([expect.objectContaining({ field: 'WebSiteHttpsPort', severity: 'warning', message: expect.stringContaining('Default Web Site') })]);
  });

  it('refuses equal HTTPS and TCP ports', () => {
    expect(errorsOf({ WebSiteHttpsPort: '8443', WebSiteTcpPort: '8443' })).toEqual([
      expect.objectContaining({ field: 'WebSiteTcpPort', message: 'The TCP port must differ from the HTTPS port.' }),
    ]);
    expect(errorsOf({ WebSiteHttpsPort: '8443', WebSiteTcpPort: '08443' })).toHaveLength(1);
  });
});

describe('IIS names', () => {
  it.each(['/', '\\', '?', ';', ':', '@', '&', '=', '+', '$', ',', '|', '"', '<', '>'])('refuses "%s"', (c) => {
    expect(checkIisName(`Async${c}Server`, 'website name')).toContain(`"${c}"`);
  });

  it('refuses surrounding spaces and empty names', () => {
    expect(checkIisName(' AsyncServer', 'website name')).toContain('space');
    expect(checkIisName('AsyncServer ', 'website name')).toContain('space');
    expect(checkIisName('', 'website name')).toBe('Enter a website name.');
    expect(checkIisName('Async Server Site', 'website name')).toBeNull();
  });

  it('apply to the application, pool and site names', () => {
    expect(errorsOf({ WebApplicationName: 'a/b', AppPoolName: 'p:q', WebSiteName: 's<t' }).map((i) => i.field)).toEqual([
      'WebApplicationName',
      'AppPoolName',
      'WebSiteName',
    ]);
  });
});

describe('thumbprints', () => {
  const clean = 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B';
  it('are cleaned of U+200E, spaces and other invisible characters, and stored upper-case', () => {
    const pasted = '\u200Ed0 74 38 27 ef d9 bf a2 00 59 ce 80 15 7d f8 b8 b7 4e e5 0b\u200F\u00A0';
    expect(normalizeThumbprint(pasted)).toBe(clean);
    expect(checkThumbprint(pasted)).toBeNull();
    expect(checkThumbprint(`\uFEFF${clean}\u200B`)).toBeNull();
  });

  it('need 40 hexadecimal digits', () => {
    expect(checkThumbprint(clean.slice(0, 39))).toContain('this one has 39');
    expect(checkThumbprint(`${clean.slice(0, 39)}G`)).toContain('"G" is not one');
    expect(checkThumbprint('')).toContain('Enter the thumbprint');
  });
});

describe('SQL instance names', () => {
  it.each(['localhost', 'localhost\\instance2', 'server1', 'server1\\instance2'])('accept the guide\'s form %s', (value) => {
    expect(checkSqlInstance(value, true)).toBeNull();
  });

  it.each([
    ['server1\\instance2\\x', 'server\\instance'],
    ['server 1', 'not a server name'],
    ['server1\\2instance', 'not an instance name'],
    ['server1\\', 'not an instance name'],
  ])('refuse %s', (value, text) => {
    expect(checkSqlInstance(value, true)).toContain(text);
  });
});

describe('accounts', () => {
  it.each(['CONTOSO\\svc-async', 'svc-async@contoso.com', '.\\svc-async', 'NT Authority\\Network Service', 'NT AUTHORITY\\LOCAL SERVICE', 'contoso.com\\svc'])(
    'accept %s',
    (value) => {
      expect(checkAccount(value, 'app pool user')).toBeNull();
    },
  );

  it.each([
    ['svc-async', 'Include the domain'],
    ['CONTOSO\\', 'user name part is empty'],
    ['CONTOSO\\svc*', 'cannot contain'],
    ['NT Authority\\Nobody', 'built-in accounts'],
    ['', 'Enter the app pool user'],
  ])('refuse %s', (value, text) => {
    expect(checkAccount(value, 'app pool user')).toContain(text);
  });

  it('need a password unless built-in', () => {
    expect(errorsOf({}, false)).toEqual([expect.objectContaining({ field: 'AppPoolPassword' })]);
    expect(errorsOf({ AppPoolUser: 'NT Authority\\Network Service' }, false)).toEqual([]);
  });
});

describe('files only', () => {
  it('does not ask for the website, pool, certificate or database', () => {
    const files = { ...defaultSettings() };
    expect(validateSettings(files, { configure: false })).toEqual([]);
    expect(validateSettings(files, { configure: true }).length).toBeGreaterThan(3);
  });
});
