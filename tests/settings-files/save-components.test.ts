import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliChoices } from '../../electron/cli/install-input';
import { createEngine } from '../../electron/engine/create-engine';
import { createHost } from '../../electron/engine/hosts/create-host';
import { loadSettingsFile } from '../../electron/engine/settings-files/load';
import { defaultSettings } from '../../shared/components/async-server/parameters';
import { clientSettings } from '../components/async-client/helpers';
import { CANARY, tempDir } from './helpers';

function rehearsalEngine() {
  const host = createHost({ rehearsal: true, sandbox: tempDir() });
  return { host, engine: createEngine({ host, toolVersion: 'test' }) };
}

const FOLDER = 'C:\\ProgramData\\Microsoft Dynamics AX\\CDX Setup';
const database = { mode: 'create', authentication: 'windows', sqlLogin: '', trustServerCertificate: false, partition: 'initial' };
const choicesOf = (components: string[], configure = true, streaming?: boolean) => ({ option: 'components', installationType: 'custom', components, configure, database, ...(streaming === undefined ? {} : { streaming }) });
const server = () => ({ ...defaultSettings(), WebApplicationName: 'AsyncServerEU', AppPoolUser: 'CONTOSO\\svc-async', WebSiteHttpsPort: '8443', HQMessageDatabaseServerName: 'SQLHQ01', HQMessageDatabase: 'AsyncServerMessageDB' });
const client = () => clientSettings({ ServiceName: 'CDXAsyncClientHouston', ServiceUser: 'CONTOSO\\svc-cdx-store' });
const pathOf = (answer: unknown) => (answer as { ok: true; value: { path: string } }).value.path;

describe('Save settings writes the chosen component\'s settings file', () => {
  it('suggests each component\'s file named after its instance, in the support files folder', async () => {
    const { engine } = rehearsalEngine();
    expect(await engine.dispatch('settingsFile.suggestPath', { component: 'async-client', settings: client() })).toEqual({ ok: true, value: { path: `${FOLDER}\\sc-settings-CDXAsyncClientHouston.xml` } });
    // No component: Async Server's, as requests were before there were two.
    expect(await engine.dispatch('settingsFile.suggestPath', { settings: server() })).toEqual({ ok: true, value: { path: `${FOLDER}\\ss-settings-AsyncServerEU.xml` } });
    // A name Windows refuses in a file name is made safe; an empty one takes the guide's default.
    expect(pathOf(await engine.dispatch('settingsFile.suggestPath', { component: 'async-client', settings: clientSettings({ ServiceName: 'Store:01/A' }) }))).toBe(`${FOLDER}\\sc-settings-Store_01_A.xml`);
    expect(pathOf(await engine.dispatch('settingsFile.suggestPath', { component: 'async-client', settings: clientSettings({ ServiceName: ' ' }) }))).toBe(`${FOLDER}\\sc-settings-CommerceDataExchangeAsyncClientService.xml`);
    // Another component's parameters are refused, naming the parameter.
    expect(await engine.dispatch('settingsFile.suggestPath', { component: 'async-client', settings: server() })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('saves an sc-settings.xml with the guide\'s parameters and no password; opened again it gives the same values', async () => {
    const { engine, host } = rehearsalEngine();
    const path = pathOf(await engine.dispatch('settingsFile.suggestPath', { component: 'async-client', settings: client() }));
    // Passwords slipped into the request are dropped by the contract, never written.
    const saved = await engine.dispatch('settingsFile.save', { component: 'async-client', path, settings: client(), choices: choicesOf(['async-client'], false, true), servicePassword: CANARY, connectionPassword: CANARY, DataStorePassword: CANARY });
    expect(saved).toEqual({ ok: true, value: { path, replaced: false } });
    const bytes = readFileSync(host.realPath(path));
    expect(bytes.toString('utf8')).not.toContain(CANARY);
    expect(bytes.toString('utf8')).toContain('sc-settings.xml for Commerce Data Exchange: Async Client, written by CDX Setup');
    expect(bytes.toString('utf8')).toContain('<Setting key="SynchServiceHeadOfficeURL" value="https://cdxhq01:8443/AsyncServer" />');

    const opened = await engine.dispatch('settingsFile.open', { name: 'sc-settings-CDXAsyncClientHouston.xml', contentBase64: bytes.toString('base64') });
    expect(opened).toEqual({
      ok: true,
      value: { format: 'sc-settings.xml', components: ['async-client'], settings: client(), choices: { configure: false, components: ['async-client'], database, streaming: true }, problems: [] },
    });
    const back = await loadSettingsFile(host.realPath(path));
    expect(back).toMatchObject({ component: 'async-client', settings: client(), problems: [] });
    // Use streaming is Async Client's choice: deploy of the file streams without --streaming.
    expect(cliChoices(back.choices, false)).toMatchObject({ configure: false, streaming: true });
  });

  it('with both components, saves one file each, and each opens into its own component', async () => {
    const { engine, host } = rehearsalEngine();
    const both = choicesOf(['async-server', 'async-client']);
    const written: Record<string, string> = {};
    for (const [component, settings] of [['async-server', server()], ['async-client', client()]] as const) {
      const path = pathOf(await engine.dispatch('settingsFile.suggestPath', { component, settings }));
      expect(await engine.dispatch('settingsFile.save', { component, path, settings, choices: both, appPoolPassword: CANARY })).toMatchObject({ ok: true, value: { replaced: false } });
      written[component] = readFileSync(host.realPath(path), 'utf8');
    }
    expect(Object.values(written).join()).not.toContain(CANARY);
    // Only the file of a component that takes it says streaming.
    expect(written['async-server']).not.toContain('streaming=');
    expect(written['async-client']).toContain('streaming="false"');
    const ss = await loadSettingsFile(host.realPath(`${FOLDER}\\ss-settings-AsyncServerEU.xml`));
    const sc = await loadSettingsFile(host.realPath(`${FOLDER}\\sc-settings-CDXAsyncClientHouston.xml`));
    expect(ss).toMatchObject({ format: 'ss-settings.xml', component: 'async-server', settings: server(), choices: { components: ['async-server', 'async-client'] }, problems: [] });
    expect(sc).toMatchObject({ format: 'sc-settings.xml', component: 'async-client', settings: client(), choices: { components: ['async-server', 'async-client'] }, problems: [] });
  });

  it("never replaces the other component's settings file, and changes nothing when it refuses", async () => {
    const { engine, host } = rehearsalEngine();
    const path = `${FOLDER}\\settings.xml`;
    await engine.dispatch('settingsFile.save', { component: 'async-server', path, settings: server(), choices: choicesOf(['async-server']) });
    const before = readFileSync(host.realPath(path), 'utf8');
    const refused = await engine.dispatch('settingsFile.save', { component: 'async-client', path, settings: client(), choices: choicesOf(['async-client']) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request', field: 'path', message: expect.stringContaining("holds Async Server's settings (an ss-settings.xml), not Async Client's") } });
    expect(readFileSync(host.realPath(path), 'utf8')).toBe(before);
    // Its own component's file is replaced.
    const again = await engine.dispatch('settingsFile.save', { component: 'async-server', path, settings: { ...server(), WebSiteHttpsPort: '9443' }, choices: choicesOf(['async-server']) });
    expect(again).toMatchObject({ ok: true, value: { replaced: true } });
    expect((await loadSettingsFile(host.realPath(path))).settings.WebSiteHttpsPort).toBe('9443');
  });
});
