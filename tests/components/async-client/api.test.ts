import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/create-engine';
import { journalFiles } from '../../../electron/engine/executor/journal';
import { SupportFiles } from '../../../electron/engine/support-files/support-files';
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
    expect(listed).toMatchObject({ ok: true, value: { instances: [{ name: 'CommerceDataExchangeAsyncClientService', component: 'async-client', configure: true, database: { mode: 'create', authentication: 'windows' }, settings: { DataStoreName: 'Houston' } }] } });
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

describe('an interrupted Async Client run, resumed from the wizard', () => {
  it("asks for the service user's and the connection user's passwords by name, and resumes with them to an installed service", async () => {
    const { host, engine } = rehearsalEngine('store');
    const started = await engine.dispatch('install.start', { component: 'async-client', settings: settings(), choices: CHOICES, servicePassword: CANARY, connectionPassword: CANARY });
    expect(started).toMatchObject({ ok: true, value: { started: true } });
    const outcome = async (e: typeof engine) => ((await e.dispatch('install.state', {})) as { ok: true; value: { run: { result: { outcome: string } | null } | null } }).value.run?.result?.outcome;
    await expect.poll(() => outcome(engine), { timeout: 20_000 }).toBe('installed');
    // As if the power went off while the connection password was being stored: the steps from there are not journaled.
    const [journal] = journalFiles(await new SupportFiles(host).realDir());
    const lines = readFileSync(journal, 'utf8').trimEnd().split('\n');
    const cut = lines.findIndex((l, i) => i > 0 && l.includes('"id":"app-config.protected'));
    expect(cut).toBeGreaterThan(0);
    writeFileSync(journal, `${lines.slice(0, cut + 1).join('\n')}\n`);

    const fresh = createEngine({ host, toolVersion: 'test' });
    const state = (await fresh.dispatch('install.state', {})) as { ok: true; value: { interrupted: { passwords: { secret: string; account: string }[] } } };
    expect(state.value.interrupted.passwords).toEqual([
      { secret: 'servicePassword', account: 'CONTOSO\\svc-cdx-store', who: 'the Async Client service user' },
      { secret: 'connectionPassword', account: 'HoustonUser', who: 'the Async Server connection user' },
    ]);
    expect(await fresh.dispatch('install.recover', { action: 'resume', servicePassword: CANARY, connectionPassword: CANARY })).toMatchObject({ ok: true });
    await expect.poll(() => outcome(fresh), { timeout: 20_000 }).toBe('installed');
    expect(((await fresh.dispatch('install.state', {})) as { value: { interrupted: unknown } }).value.interrupted).toBeNull();
    expect(readFileSync(journal, 'utf8')).not.toContain(CANARY);
  });
});
