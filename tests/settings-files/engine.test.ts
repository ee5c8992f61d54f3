import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine/create-engine';
import { createHost } from '../../electron/engine/hosts/create-host';
import { loadSettingsFile } from '../../electron/engine/settings-files/load';
import { defaultSettings } from '../../shared/components/async-server/parameters';
import { CANARY, fixture, tempDir } from './helpers';

function rehearsalEngine() {
  const host = createHost({ rehearsal: true, sandbox: tempDir() });
  return { host, engine: createEngine({ host, toolVersion: 'test' }) };
}

const base64 = (name: string) => readFileSync(fixture(name)).toString('base64');

describe('settings files through the engine API', () => {
  it('opens the bytes the wizard sends, in Notepad\'s Unicode too', async () => {
    const { engine } = rehearsalEngine();
    const result = await engine.dispatch('settingsFile.open', { name: 'notepad-unicode-le.xml', contentBase64: base64('notepad-unicode-le.xml') });
    expect(result).toMatchObject({ ok: true, value: { format: 'ss-settings.xml', problems: [], settings: { WebSiteHttpsPort: '8443', HQMessageDatabaseServerNamedInstanceName: 'SQLHQ01\\AX' } } });
  });

  it('answers problems with line and key for a broken file, and choices from the CdxSetup element', async () => {
    const { engine } = rehearsalEngine();
    const broken = await engine.dispatch('settingsFile.open', { name: 'wrong-case-key.xml', contentBase64: base64('wrong-case-key.xml') });
    expect(broken).toMatchObject({ ok: true, value: { problems: [{ file: 'wrong-case-key.xml', line: 4, key: 'WebsiteName', severity: 'error' }] } });
    const withChoices = await engine.dispatch('settingsFile.open', { name: 'with-choices.xml', contentBase64: base64('with-choices.xml') });
    expect(withChoices).toMatchObject({ ok: true, value: { choices: { configure: true, database: { mode: 'existing', partition: 'retail' } } } });
  });

  it('refuses an oversize request before parsing', async () => {
    const { engine } = rehearsalEngine();
    const result = await engine.dispatch('settingsFile.open', { name: 'huge.xml', contentBase64: 'A'.repeat(400_000) });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('suggests the support files folder and saves there on the target computer, never a password', async () => {
    const { engine, host } = rehearsalEngine();
    const suggested = await engine.dispatch('settingsFile.suggestPath', { component: 'async-server', settings: { ...defaultSettings(), WebApplicationName: 'AsyncServerEU' } });
    expect(suggested).toEqual({ ok: true, value: { path: 'C:\\ProgramData\\Microsoft Dynamics AX\\CDX Setup\\ss-settings-AsyncServerEU.xml' } });
    const opened = await loadSettingsFile(fixture('with-choices.xml'));
    const choices = { option: 'components', installationType: 'custom', components: ['async-server'], configure: true, database: { mode: 'existing', authentication: 'sql', sqlLogin: 'async_login', trustServerCertificate: true, partition: 'retail' } };
    const path = (suggested as { value: { path: string } }).value.path;
    // A password slipped into the request is dropped by the contract, never written.
    const saved = await engine.dispatch('settingsFile.save', { path, settings: opened.settings, choices, password: CANARY });
    expect(saved).toEqual({ ok: true, value: { path, replaced: false } });
    const real = host.realPath(path);
    expect(readFileSync(real, 'utf8')).not.toContain(CANARY);
    const back = await loadSettingsFile(real);
    expect(back.problems).toEqual([]);
    expect(back.settings).toEqual(opened.settings);
    expect(back.choices).toEqual(opened.choices);
    const again = await engine.dispatch('settingsFile.save', { path, settings: opened.settings, choices });
    expect(again).toMatchObject({ ok: true, value: { replaced: true } });
  });

  it('expands %VAR% in the save path and refuses a path that is not a full Windows path', async () => {
    const { engine } = rehearsalEngine();
    const settings = (await loadSettingsFile(fixture('attribute-shape.xml'))).settings;
    const choices = { option: 'components', installationType: 'custom', components: ['async-server'], configure: true, database: { mode: 'create', authentication: 'windows' } };
    expect(await engine.dispatch('settingsFile.save', { path: '%SystemDrive%\\Deploy\\ss.xml', settings, choices })).toEqual({ ok: true, value: { path: 'C:\\Deploy\\ss.xml', replaced: false } });
    expect(await engine.dispatch('settingsFile.save', { path: 'relative\\ss.xml', settings, choices })).toMatchObject({ ok: false, error: { code: 'bad-request', field: 'path' } });
    expect(await engine.dispatch('settingsFile.save', { path: '%NOPE%\\ss.xml', settings, choices })).toMatchObject({ ok: false, error: { code: 'bad-request', field: 'path' } });
    expect(await engine.dispatch('settingsFile.save', { path: 'C:\\Deploy\\ss.txt', settings, choices })).toMatchObject({ ok: false, error: { message: expect.stringContaining('ends with .xml') } });
  });

  it('replaces a settings file but never another file that has the name', async () => {
    const { engine, host } = rehearsalEngine();
    const settings = (await loadSettingsFile(fixture('attribute-shape.xml'))).settings;
    const choices = { option: 'components', installationType: 'custom', components: ['async-server'], configure: true, database: { mode: 'create', authentication: 'windows' } };
    const real = host.realPath('C:\\Deploy\\web.xml');
    mkdirSync(dirname(real), { recursive: true });
    writeFileSync(real, '<configuration><system.webServer/></configuration>');
    const refused = await engine.dispatch('settingsFile.save', { path: 'C:\\Deploy\\web.xml', settings, choices });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('is not a settings file') } });
    expect(readFileSync(real, 'utf8')).toBe('<configuration><system.webServer/></configuration>');
  });
});
