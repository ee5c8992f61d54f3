import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/components/async-server/parameters';
import { rehearsalEngine } from '../../support/rehearsal';
import { clientSettings } from './helpers';
import { REHEARSAL_ACCOUNT_PASSWORD } from '../../support/scenario-copy';

// The password the store scenario's STORE01\svc-cdx accepts (the gate checks it), and the canary searched for.
const CANARY = REHEARSAL_ACCOUNT_PASSWORD;
const CHOICES = { configure: true, components: ['async-client'], database: { mode: 'create', authentication: 'windows' } };
const settings = () => clientSettings({ ServiceUser: 'CONTOSO\\svc-cdx-store' });
const xml = (s: Record<string, string>) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<Settings>\n${Object.entries(s)
    .map(([k, v]) => `  <Setting key="${k}" value="${v}" />`)
    .join('\n')}\n</Settings>\n`;

describe("the wizard's contract carries Async Client's settings by component", () => {
  it("refuses a key that is not the component's, naming it, and a parameter left out", async () => {
    const { engine } = rehearsalEngine('store');
    const foreign = await engine.dispatch('settings.check', { component: 'async-client', settings: { ...settings(), WebSiteName: 'x' }, configure: true, passwordProvided: true });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'bad-request', field: 'settings.WebSiteName', message: expect.stringContaining('WebSiteName is a parameter of Async Server') } });
    const wrongCase = await engine.dispatch('settings.expand', { component: 'async-client', settings: { ...settings(), servicename: 'x' } });
    expect(wrongCase).toMatchObject({ ok: false, error: { message: expect.stringContaining('the parameter is ServiceName') } });
    const { ServiceName: _left, ...missing } = settings();
    expect(await engine.dispatch('settings.expand', { component: 'async-client', settings: missing })).toMatchObject({ ok: false, error: { field: 'settings.ServiceName' } });
    // Without a component, a request is Async Server's, as before there were two.
    expect(await engine.dispatch('settings.expand', { settings: settings() })).toMatchObject({ ok: false });
    expect(await engine.dispatch('settings.expand', { settings: defaultSettings() })).toMatchObject({ ok: true });
  });

  it("checks, expands, plans and installs an Async Client instance; lists it with its component and says its service runs", async () => {
    const { engine } = rehearsalEngine('store');
    const defaults = await engine.dispatch('settings.defaults', { component: 'async-client' });
    expect(defaults).toMatchObject({ ok: true, value: { component: 'async-client', settings: { ServiceName: 'CommerceDataExchangeAsyncClientService' } } });
    const checked = await engine.dispatch('settings.check', { component: 'async-client', settings: settings(), configure: true, passwordProvided: true, connectionPasswordProvided: false });
    expect(checked).toMatchObject({ ok: true, value: { issues: [expect.objectContaining({ field: 'DataStorePassword', severity: 'error' })] } });
    expect(await engine.dispatch('settings.expand', { component: 'async-client', settings: settings() })).toMatchObject({ ok: true, value: { expanded: { ServiceInstallFolder: 'C:\\AsyncClientService' } } });

    const plan = await engine.dispatch('install.plan', { component: 'async-client', settings: settings(), choices: CHOICES });
    expect(plan).toMatchObject({ ok: true, value: { instance: 'CommerceDataExchangeAsyncClientService' } });

    const started = await engine.dispatch('install.start', { component: 'async-client', settings: settings(), choices: CHOICES, servicePassword: CANARY, connectionPassword: CANARY });
    expect(started).toMatchObject({ ok: true, value: { started: true } });
    await expect
      .poll(async () => ((await engine.dispatch('install.state', {})) as { ok: true; value: { run: { result: { outcome: string } | null } } }).value.run?.result?.outcome, { timeout: 20_000 })
      .toBe('installed');

    const listed = await engine.dispatch('instances.list', {});
    expect(listed).toMatchObject({ ok: true, value: { instances: [{ name: 'CommerceDataExchangeAsyncClientService', component: 'async-client', configure: true, settings: { DataStoreName: 'Houston' } }] } });
    const summary = await engine.dispatch('instances.summary', { name: 'CommerceDataExchangeAsyncClientService' });
    expect(summary).toMatchObject({ ok: true, value: { component: 'async-client', rows: expect.arrayContaining([{ label: 'Service state', value: 'Running' }, { label: 'Startup type', value: 'Automatic' }]) } });
    expect(JSON.stringify([plan, listed, summary])).not.toContain(CANARY);
    expect(await engine.dispatch('instances.summary', { name: 'Nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it("page 8 with Async Client runs its own checks of the choices; a database page's Test connection runs one alone", async () => {
    const { engine } = rehearsalEngine('store');
    const base = { runId: 'r', components: ['async-client'], settings: settings(), configure: true, database: CHOICES.database };
    const before = await engine.dispatch('prerequisites.run', { ...base, stage: 'before-configure' });
    expect(before).toMatchObject({ ok: true });
    const beforeIds = (before as { ok: true; value: { report: { results: { id: string }[] } } }).value.report.results.map((r) => r.id);
    expect(beforeIds).toEqual(expect.arrayContaining(['dotnet-framework', 'pending-reboot']));
    expect(beforeIds).not.toContain('channel-database');
    const after = await engine.dispatch('prerequisites.run', { ...base, stage: 'after-configure', settings: clientSettings({ ServiceUser: 'CONTOSO\\svc-cdx-store', ChannelDatabaseName: 'NoSuchDatabase' }) });
    const results = (after as { ok: true; value: { report: { results: { id: string; status: string; details: string }[]; summary: { errors: number } } } }).value.report;
    expect(results.results.find((r) => r.id === 'channel-database')).toMatchObject({ status: 'error', details: expect.stringContaining('Setup never creates a channel database') });
    expect(results.summary.errors).toBeGreaterThan(0);

    const one = await engine.dispatch('prerequisites.check', { component: 'async-client', settings: settings(), check: 'channel-database', database: CHOICES.database });
    expect(one).toMatchObject({ ok: true, value: { result: { id: 'channel-database', status: 'passed' } } });
    expect(await engine.dispatch('prerequisites.check', { component: 'async-server', settings: defaultSettings(), check: 'x', database: CHOICES.database })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('opens an sc-settings.xml in the wizard: its component and its parameters', async () => {
    const { engine } = rehearsalEngine('store');
    const opened = await engine.dispatch('settingsFile.open', { name: 'sc-settings.xml', contentBase64: Buffer.from(xml(settings())).toString('base64') });
    expect(opened).toMatchObject({ ok: true, value: { format: 'sc-settings.xml', components: ['async-client'], settings: { DataStoreName: 'Houston', ServiceName: 'CommerceDataExchangeAsyncClientService' } } });
  });
});
