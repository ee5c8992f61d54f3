import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/cli';
import { writeSettingsXml } from '../../../electron/engine/settings-files/write';
import type { ClientSettings } from '../../../shared/components/async-client/parameters';
import { readInstances } from '../../../electron/engine/instances/registry';
import { goodSettings } from '../../install/support';
import { cliIo } from '../../support/cli-io';
import { clientSettings } from './helpers';
import { REHEARSAL_ACCOUNT_PASSWORD } from '../../support/scenario-copy';

// The service user's password is the one the store scenario's STORE01\svc-cdx accepts (the gate checks it).
const ENV = { CDX_SETUP_PASSWORD: REHEARSAL_ACCOUNT_PASSWORD, CDX_SETUP_CONNECTION_PASSWORD: 'Canary-Connection-Pa55!' };

function scFile(patch: Partial<ClientSettings> = {}): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cdx-sc-cli-'));
  const file = path.join(dir, 'sc-settings.xml');
  writeFileSync(file, writeSettingsXml({ component: 'async-client', values: clientSettings({ ServiceUser: 'STORE01\\svc-cdx', ...patch }) }));
  return { dir, file };
}

async function cli(argv: string[], env: Record<string, string> = ENV) {
  const { io, out, err } = cliIo(env);
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the CLI says which component it acts on', () => {
  it('plan and validate an sc-settings.xml as Async Client', async () => {
    const { dir, file } = scFile();
    const sandbox = path.join(dir, 'sandbox');
    const plan = await cli(['plan', '--settings', file, '--rehearsal', 'store', '--sandbox', sandbox]);
    expect(plan.code, plan.err).toBe(0);
    expect(plan.out).toMatch(/^Plan for the Async Client instance CommerceDataExchangeAsyncClientService on Rehearsal/m);
    expect(plan.out).toMatch(/Grant STORE01\\svc-cdx the user right "Log on as a service"/);
    const valid = await cli(['validate', '--settings', file, '--rehearsal', 'store', '--sandbox', sandbox]);
    expect(valid.code, valid.err).toBe(0);
    expect(valid.out).toMatch(/Channel database/);
    const missing = scFile({ ChannelDatabaseName: 'NoSuchChannel' });
    const refused = await cli(['validate', '--settings', missing.file, '--rehearsal', 'store', '--sandbox', sandbox]);
    expect(refused.code).toBe(3);
    expect(refused.out).toMatch(/Setup never creates a channel database/);
  });

  it('instances names each instance\'s component and filters by --component; uninstall refuses the wrong one', async () => {
    const { dir, file } = scFile();
    const sandbox = path.join(dir, 'sandbox');
    expect((await cli(['deploy', '--settings', file, '--rehearsal', 'store', '--sandbox', sandbox])).code).toBe(0);
    const listed = await cli(['instances', '--rehearsal', 'store', '--sandbox', sandbox]);
    expect(listed.out).toMatch(/^CommerceDataExchangeAsyncClientService {2}Async Client {2}version 6\.3\.0\.0 {2}service CommerceDataExchangeAsyncClientService, channel database STORE01\/RetailChannelDatabase/m);
    expect((await cli(['instances', '--component', 'async-server', '--rehearsal', 'store', '--sandbox', sandbox])).out).toBe('No Async Server instance is installed on this computer.');
    const json = JSON.parse((await cli(['instances', '--json', '--rehearsal', 'store', '--sandbox', sandbox])).out);
    expect(json.instances.map((i: { name: string; component: string }) => [i.name, i.component])).toEqual([['CommerceDataExchangeAsyncClientService', 'async-client']]);
    const wrong = await cli(['uninstall', '--instance', 'CommerceDataExchangeAsyncClientService', '--component', 'async-server', '--rehearsal', 'store', '--sandbox', sandbox]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/is an instance of Async Client, not of Async Server: nothing was changed/);
    const right = await cli(['uninstall', '--instance', 'CommerceDataExchangeAsyncClientService', '--component', 'async-client', '--rehearsal', 'store', '--sandbox', sandbox]);
    expect(right.code, right.err).toBe(0);
    expect(right.err).toMatch(/Uninstalling the Async Client instance CommerceDataExchangeAsyncClientService/);
  });

  it('plans the Async Client part of an AX Setup parameter file, and refuses --component for a part it does not have', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cdx-params-'));
    const params = path.join(dir, 'params.txt');
    writeFileSync(
      params,
      [
        'InstallSynchServiceClient=1',
        'SynchServiceClientDatabase=ChannelMessageDB',
        'SynchServiceClientDatabaseServerName=STORE01',
        'SynchServiceHeadOfficeUrl=https://cdxhq01:8443/AsyncServer',
        'SynchServiceHOUserName=HoustonUser',
        'SynchServiceClientServiceUserName=STORE01\\svc-cdx',
        'ChannelDatabase=RetailChannelDatabase',
        'ChannelDatabaseServer=STORE01',
        'DataStore=Houston',
        '',
      ].join('\n'),
    );
    const sandbox = path.join(dir, 'sandbox');
    const plan = await cli(['plan', '--settings', params, '--rehearsal', 'store', '--sandbox', sandbox, '--json']);
    expect(plan.code, plan.err).toBe(0);
    expect(JSON.parse(plan.out)).toMatchObject({ instance: 'CommerceDataExchangeAsyncClientService', component: 'async-client' });
    const none = await cli(['plan', '--settings', params, '--component', 'async-server', '--rehearsal', 'store', '--sandbox', sandbox]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/holds no async-server settings to install \(it sets async-client\)/);
  });

  it('plan and deploy --streaming: the plan says no firewall rule is needed here but Async Server\'s NetTcp port must be open, the configuration streams, the record keeps the choice', async () => {
    const { dir, file } = scFile();
    const sandbox = path.join(dir, 'sandbox');
    const plan = await cli(['plan', '--settings', file, '--streaming', '--rehearsal', 'store', '--sandbox', sandbox, '--json']);
    expect(plan.code, plan.err).toBe(0);
    const preview = JSON.parse(plan.out);
    expect(preview.choices.streaming).toBe(true);
    expect(preview.notes).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Streaming over the NetTcp port/),
      expect.stringMatching(/^No firewall rule on this computer: Async Client opens the connections itself \(outbound.*The Async Server computer \(cdxhq01\) must accept its NetTcp port inbound/),
      expect.stringMatching(/member of .*a Group Policy that defines Log on as a service replaces the local list/),
    ]));
    expect(preview.operations.map((o: { kind: string }) => o.kind)).not.toContain('firewall');
    const deploy = await cli(['deploy', '--settings', file, '--streaming', '--rehearsal', 'store', '--sandbox', sandbox]);
    expect(deploy.code, deploy.err).toBe(0);
    const config = readFileSync(path.join(sandbox, 'drives', 'C', 'AsyncClientService', 'Microsoft.Dynamics.Retail.CommerceDataExchange.AsyncClientService.exe.config'), 'utf8');
    expect(config).toMatch(/key="UseStreaming" value="true"/);
    const records = readInstances(path.join(sandbox, 'drives', 'C', 'ProgramData', 'Microsoft Dynamics AX', 'CDX Setup'));
    expect(records.map((r) => [r.name, r.choices.streaming])).toEqual([['CommerceDataExchangeAsyncClientService', true]]);
    // Without the flag, WS-ReliableMessaging.
    const plain = JSON.parse((await cli(['plan', '--settings', file, '--rehearsal', 'store', '--sandbox', path.join(dir, 'other'), '--json'])).out);
    expect(plain.choices.streaming).toBeUndefined();
    expect(plain.notes.join(' ')).not.toMatch(/No firewall rule/);
  });

  it('refuses --streaming for a settings file that installs no Async Client', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cdx-ss-cli-'));
    const file = path.join(dir, 'ss-settings.xml');
    writeFileSync(file, writeSettingsXml({ component: 'async-server', values: goodSettings() }));
    const refused = await cli(['plan', '--settings', file, '--streaming', '--rehearsal', '--sandbox', path.join(dir, 'sandbox')]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--streaming is a choice of Async Client \(streaming over the NetTcp port\); ss-settings\.xml installs Async Server only/);
  });
});
