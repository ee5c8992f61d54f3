import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/cli';
import { loadSettingsFile, parseSettingsBytes } from '../../../electron/engine/settings-files/load';
import { validateLoadedFile } from '../../../electron/engine/settings-files/validate';
import { writeSettingsXml } from '../../../electron/engine/settings-files/write';
import { asyncClientDefinition } from '../../../shared/components/async-client/definition';
import { CLIENT_PARAMETERS, defaultClientSettings, type ClientSettings } from '../../../shared/components/async-client/parameters';
import { clientSettings } from './helpers';
import { checkAsyncServerUrl, validateClientSettings } from '../../../shared/components/async-client/rules';
import { bufferIo, CANARY, tempDir } from '../../settings-files/helpers';

const SC_SETTINGS = (settings: Partial<ClientSettings>) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<Settings>\n${Object.entries(settings)
    .map(([k, v]) => `  <Setting key="${k}" value="${v}" />`)
    .join('\n')}\n</Settings>\n`;

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(['settings', ...argv], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

function file(name: string, text: string): string {
  const full = path.join(tempDir(), name);
  writeFileSync(full, text);
  return full;
}

describe("Async Client's parameter table", () => {
  it("has the guide's sc-settings.xml parameters, in its order, with its defaults exactly", () => {
    expect(CLIENT_PARAMETERS.map((p) => [p.name, p.defaultValue])).toEqual([
      ['ChannelMessageDatabaseServer', ''],
      ['ChannelMessageDatabaseServerNamedInstanceName', ''],
      ['ChannelMessageDatabaseName', ''],
      ['ChannelDatabaseServer', ''],
      ['ChannelDatabaseServerNamedInstanceName', ''],
      ['ChannelDatabaseName', ''],
      ['ServiceName', 'CommerceDataExchangeAsyncClientService'],
      ['SynchServiceHeadOfficeURL', ''],
      ['ServiceUser', ''],
      ['ServiceBinarySourceFolder', ''],
      ['ServiceInstallFolder', '%SystemDrive%\\AsyncClientService'],
      ['DataStoreName', ''],
      ['DataStoreUserName', ''],
      ['ChannelMessageDatabaseServerOverride', '[ChannelMessageDatabaseServer]'],
    ]);
    expect(CLIENT_PARAMETERS.find((p) => p.name === 'SynchServiceHeadOfficeURL')?.label).toBe('Async Server URL');
    expect(CLIENT_PARAMETERS.find((p) => p.name === 'DataStoreName')?.label).toBe('Channel database ID');
    expect(asyncClientDefinition.pages.map((p) => p.label)).toEqual(['Configure Async Client', 'Select or specify a database to use with Async Client']);
  });
});

describe("Async Client's field rules", () => {
  const errorsOf = (s: ClientSettings, configure = true) => validateClientSettings(s, { configure }).filter((i) => i.severity === 'error').map((i) => i.field);

  it('accept a channel filled in as the guide says', () => {
    expect(validateClientSettings(clientSettings(), { configure: true, passwordProvided: true })).toEqual([]);
  });

  it.each([
    ['', /Enter the Async Server URL/],
    ['http://cdxhq01:8443/AsyncServer', /HTTPS/],
    ['https://cdxhq01:8443/', /web application name/],
    ['https://cdxhq01:70000/AsyncServer', /https:\/\/<server name>:port/],
    ['https://user:pw@cdxhq01/AsyncServer', /no user name or password/],
    ['cdxhq01/AsyncServer', /https:\/\/<server name>:port\/<web application name>/],
  ])('refuse the Async Server URL %j', (url, message) => {
    expect(checkAsyncServerUrl(url)).toMatch(message);
  });

  it("accept a load balancer's URL without a port", () => {
    expect(checkAsyncServerUrl('https://cdx.contoso.com/AsyncServer')).toBeNull();
  });

  it('name each required field of a configured channel, and only the folders when only files are placed', () => {
    const empty = defaultClientSettings();
    expect(errorsOf(empty)).toEqual(['SynchServiceHeadOfficeURL', 'DataStoreName', 'DataStoreUserName', 'ServiceUser', 'ChannelMessageDatabaseServer', 'ChannelMessageDatabaseName', 'ChannelDatabaseServer', 'ChannelDatabaseName']);
    expect(errorsOf(empty, false)).toEqual([]);
    expect(errorsOf(clientSettings({ ServiceInstallFolder: 'relative\\folder' }), false)).toEqual(['ServiceInstallFolder']);
  });

  it('refuse a service name Windows refuses, profile values with edge spaces, and the channel database as the message database', () => {
    expect(errorsOf(clientSettings({ ServiceName: 'CDX\\Client' }))).toEqual(['ServiceName']);
    expect(errorsOf(clientSettings({ DataStoreUserName: ' HoustonUser' }))).toEqual(['DataStoreUserName']);
    expect(errorsOf(clientSettings({ ChannelMessageDatabaseName: 'retailchanneldatabase' }))).toEqual(['ChannelMessageDatabaseName']);
    expect(validateClientSettings(clientSettings(), { configure: true, passwordProvided: false }).map((i) => i.field)).toEqual(['ServicePassword']);
  });

  it("need the service user's password (not a built-in account's) and the Async Server connection's", () => {
    expect(asyncClientDefinition.passwords(clientSettings(), true).map((p) => p.secret)).toEqual(['servicePassword', 'connectionPassword']);
    expect(asyncClientDefinition.passwords(clientSettings({ ServiceUser: 'NT Authority\\Network Service' }), true).map((p) => p.secret)).toEqual(['connectionPassword']);
    expect(asyncClientDefinition.passwords(clientSettings(), false)).toEqual([]);
  });
});

describe('sc-settings.xml', () => {
  it('is known by its content, whatever its name, and read like ss-settings.xml: lines, defaults, rules', async () => {
    const loaded = await loadSettingsFile(file('channel.xml', SC_SETTINGS({ ...clientSettings(), ServiceName: '' })));
    expect(loaded.format).toBe('sc-settings.xml');
    expect(loaded.component).toBe('async-client');
    expect(loaded.settings.ServiceName).toBe('CommerceDataExchangeAsyncClientService');
    expect(loaded.written.DataStoreName).toEqual({ value: 'Houston', line: 14 });
    expect(validateLoadedFile(loaded)).toEqual([]);
  });

  it("reports an unknown key with the nearest sc-settings.xml parameter, an Async Server key as the other file's, and a password", () => {
    const loaded = parseSettingsBytes(
      Buffer.from(SC_SETTINGS({ ...clientSettings(), ServiceNmae: 'x', WebSiteName: 'AsyncServerSite', DataStorePassword: CANARY } as Partial<ClientSettings>)),
      'sc-settings.xml',
    );
    expect(loaded.problems.map((p) => [p.key, p.message])).toEqual([
      ['ServiceNmae', 'is not an sc-settings.xml parameter; did you mean "ServiceName"?'],
      ['WebSiteName', 'is a parameter of ss-settings.xml (Async Server), and this file is an sc-settings.xml (Async Client): one file holds one component\'s settings.'],
      ['DataStorePassword', expect.stringMatching(/passwords never go in a settings file/)],
    ]);
    expect(JSON.stringify(loaded)).not.toContain(CANARY);
  });

  it('pins a field rule to the line that sets the value', async () => {
    const loaded = await loadSettingsFile(file('sc-settings.xml', SC_SETTINGS(clientSettings({ SynchServiceHeadOfficeURL: 'http://cdxhq01/AsyncServer' }))));
    expect(validateLoadedFile(loaded)).toEqual([expect.objectContaining({ key: 'SynchServiceHeadOfficeURL', line: 10, severity: 'error', message: expect.stringMatching(/HTTPS/) })]);
  });

  it('is written in the guide\'s order with its own header and no password, and reads back the same', () => {
    const text = writeSettingsXml({ component: 'async-client', values: clientSettings() });
    expect(text).toContain('sc-settings.xml for Commerce Data Exchange: Async Client, written by CDX Setup');
    expect(text).toMatch(/--connection-credential-file/);
    expect([...text.matchAll(/key="([^"]+)"/g)].map((m) => m[1])).toEqual(CLIENT_PARAMETERS.map((p) => p.name));
    const again = parseSettingsBytes(Buffer.from(text), 'again.xml');
    expect(again.problems).toEqual([]);
    expect(again.settings).toEqual(clientSettings());
    // Our own header is not kept as a comment of the file: writing it again does not pile headers up.
    expect(writeSettingsXml({ component: 'async-client', values: again.settings, comments: again.comments })).toBe(text);
  });
});

const BOTH = [
  '# AX Setup parameter file for a headquarters computer that is also a channel',
  'InstallSynchServiceHeadOffice=1',
  'SynchServiceHeadOfficeDatabaseServerName=SQLHQ01',
  'SynchServiceHeadOfficeDatabase=AsyncServerMessageDB',
  'SynchServiceHeadOfficeHttpsPort=8443',
  'SynchServiceHeadOfficePassword=' + CANARY,
  'InstallSynchServiceClient=1',
  'SynchServiceClientDatabase=ChannelMessageDB',
  'SynchServiceClientDatabaseServerName=STORE01',
  'SynchServiceHeadOfficeUrl=https://cdxhq01:8443/AsyncServer',
  'SynchServiceHOUserName=HoustonUser',
  'SynchServiceHOPassword=' + CANARY,
  'SynchServiceClientServiceUserName=STORE01\\svc-cdx',
  'SynchServiceClientServicePassword=' + CANARY,
  'ChannelDatabase=RetailChannelDatabase',
  'ChannelDatabaseServer=STORE01',
  'DataStore=Houston',
  '',
].join('\r\n');

describe('an AX Setup parameter file with both components', () => {
  it("installs both, each key giving its component's parameter, passwords never carried", () => {
    const loaded = parseSettingsBytes(Buffer.from(BOTH), 'params.txt');
    expect(loaded.format).toBe('parameter file');
    expect(loaded.choices.components).toEqual(['async-server', 'async-client']);
    expect(loaded.parts.map((p) => p.component)).toEqual(['async-server', 'async-client']);
    const client = loaded.parts[1];
    expect(client.settings).toMatchObject({
      ChannelMessageDatabaseName: 'ChannelMessageDB',
      ChannelMessageDatabaseServer: 'STORE01',
      SynchServiceHeadOfficeURL: 'https://cdxhq01:8443/AsyncServer',
      DataStoreUserName: 'HoustonUser',
      ServiceUser: 'STORE01\\svc-cdx',
      ChannelDatabaseName: 'RetailChannelDatabase',
      ChannelDatabaseServer: 'STORE01',
      DataStoreName: 'Houston',
      ServiceName: 'CommerceDataExchangeAsyncClientService',
    });
    expect(client.written.DataStoreName?.line).toBe(17);
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(loaded.problems.filter((p) => /passwords never go/.test(p.message)).map((p) => p.key)).toEqual(['SynchServiceHeadOfficePassword', 'SynchServiceHOPassword', 'SynchServiceClientServicePassword']);
    expect(JSON.stringify(loaded)).not.toContain(CANARY);
  });

  it('refuses a key given twice, naming both lines (AX Setup fails silently on it)', () => {
    const loaded = parseSettingsBytes(Buffer.from(`${BOTH}DataStore=Dallas\r\n`), 'params.txt');
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([
      expect.objectContaining({ key: 'DataStore', line: 18, message: expect.stringMatching(/is set twice, on lines 17 and 18/) }),
    ]);
  });

  it('is converted to one sc-settings.xml and one ss-settings.xml, and shown only with --component', async () => {
    const params = file('params.txt', BOTH);
    const sc = path.join(path.dirname(params), 'sc-settings.xml');
    const ss = path.join(path.dirname(params), 'ss-settings.xml');
    expect((await cli('convert', params, '--to', 'sc-settings.xml', '--out', sc)).code).toBe(0);
    expect((await cli('convert', params, '--to', 'ss-settings.xml', '--out', ss)).code).toBe(0);
    expect((await loadSettingsFile(sc)).component).toBe('async-client');
    expect((await loadSettingsFile(ss)).component).toBe('async-server');
    expect(readFileSync(sc, 'utf8')).not.toContain(CANARY);
    expect((await cli('validate', sc)).out).toMatch(/is valid \(sc-settings\.xml, utf-8 with BOM; Async Client\)/);
    const ambiguous = await cli('show', params);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toMatch(/--component async-server or --component async-client/);
    const shown = await cli('show', params, '--component', 'async-client', '--json', '--rehearsal');
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.out)).toMatchObject({ component: 'async-client', parameters: expect.arrayContaining([expect.objectContaining({ name: 'DataStoreName', value: 'Houston' })]) });
    // Each part by its own component's rules: this headquarters part lacks what Async Server needs; the channel's is whole.
    const both = await cli('validate', params);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/WebSiteSSLCertificateThumbprint: Enter the thumbprint/);
    expect(both.err).not.toMatch(/DataStore|Channel|ServiceUser/);
  });

  it('says an sc-settings.xml cannot be converted to the other component\'s file', async () => {
    const sc = file('sc.xml', SC_SETTINGS(clientSettings()));
    const result = await cli('convert', sc, '--to', 'ss-settings.xml');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/holds no Async Server settings, so it has no ss-settings\.xml; convert it --to sc-settings\.xml/);
  });
});
