import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import { cliIo } from '../support/cli-io';
import { REHEARSAL_ACCOUNT_PASSWORD } from '../support/scenario-copy';

// The password the scenario's service accounts accept (the gates check it), and the canary searched for.
const APP_POOL_PASSWORD = REHEARSAL_ACCOUNT_PASSWORD;
const CONNECTION_PASSWORD = 'Canary-Connection-Pa55!';

/** An AX Setup parameter file for the lab computer: Async Server and Async Client in one file, as Setup takes it. */
const PARAMETERS = [
  '# AX Setup parameter file: Async Server and Async Client on one lab computer',
  'HideUi=1',
  'AcceptLicenseTerms=1',
  'InstallSynchServiceHeadOffice=1',
  'SynchServiceHeadOfficeDatabaseServerName=CDX-LAB01',
  'SynchServiceHeadOfficeDatabase=AsyncServerMessageDB',
  'SynchServiceHeadOfficeWebsiteName=AsyncServerSite',
  'SynchServiceHeadOfficeAppPoolName=AsyncServer',
  'SynchServiceHeadOfficeApplicationName=AsyncServer',
  'SynchServiceHeadOfficeUsername=CONTOSO\\svc-async',
  'SynchServiceHeadOfficeHttpsPort=8443',
  'SynchServiceHeadOfficeSslCertThumbprint=D0743827EFD9BFA20059CE80157DF8B8B74EE50B',
  'SynchServiceHeadOfficeAOSServiceUser=CONTOSO\\svc-aos',
  'InstallSynchServiceClient=1',
  'SynchServiceClientDatabase=ChannelMessageDB',
  'SynchServiceClientDatabaseServerName=CDX-LAB01',
  'SynchServiceHeadOfficeUrl=https://cdx-lab01.contoso.com:8443/AsyncServer',
  'SynchServiceHOUserName=LabStoreUser',
  'SynchServiceClientServiceUserName=CONTOSO\\svc-async',
  'ChannelDatabase=RetailChannelDatabase',
  'ChannelDatabaseServer=CDX-LAB01',
  'DataStore=LabStore',
  '',
].join('\r\n');

async function cli(argv: string[], env: Record<string, string> = {}) {
  const { io, out, err } = cliIo(env);
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every file of the sandbox with its bytes, so that "as it was" can be compared. */
function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(root, full)] = readFileSync(full).toString('base64');
    }
  };
  if (existsSync(root)) walk(root);
  return files;
}

describe('one AX Setup parameter file that installs both components', () => {
  it('deploys Async Server then Async Client, asking each password once, lists both, and uninstalls each', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cdx-both-'));
    const params = path.join(dir, 'params.txt');
    writeFileSync(params, PARAMETERS);
    const sandbox = path.join(dir, 'sandbox');
    const host = ['--rehearsal', 'all-in-one', '--sandbox', sandbox];
    // The same account runs the app pool and the Async Client service: its password is asked for once and used twice.
    const env = { CDX_SETUP_PASSWORD: APP_POOL_PASSWORD, CDX_SETUP_CONNECTION_PASSWORD: CONNECTION_PASSWORD };

    const plan = await cli(['plan', '--settings', params, '--json', ...host], env);
    expect(plan.code, plan.err).toBe(0);

    const deploy = await cli(['deploy', '--settings', params, '--json', ...host], env);
    expect(deploy.code, deploy.err).toBe(0);
    expect(JSON.parse(deploy.out).instances.map((r: { outcome: string }) => r.outcome)).toEqual(['installed', 'installed']);
    expect(deploy.err).toMatch(/Instance 1 of 2: AsyncServer \(Async Server, /);
    expect(deploy.err).toMatch(/Instance 2 of 2: CommerceDataExchangeAsyncClientService \(Async Client, /);
    const everything = [deploy.out, deploy.err, JSON.stringify(snapshot(sandbox))].join('\n');
    expect(everything).not.toContain(APP_POOL_PASSWORD);
    expect(everything).not.toContain(CONNECTION_PASSWORD);

    const listed = JSON.parse((await cli(['instances', '--json', ...host])).out);
    expect(listed.instances.map((i: { name: string; component: string }) => [i.component, i.name]).sort()).toEqual([
      ['async-client', 'CommerceDataExchangeAsyncClientService'],
      ['async-server', 'AsyncServer'],
    ]);

    const again = await cli(['deploy', '--settings', params, '--json', ...host], env);
    expect(again.code, again.err).toBe(0);
    const second = JSON.parse(again.out);
    expect(second.changed).toBe(false);
    expect(second.instances.map((r: { instance: string; outcome: string }) => [r.instance, r.outcome])).toEqual([
      ['AsyncServer', 'unchanged'],
      ['CommerceDataExchangeAsyncClientService', 'unchanged'],
    ]);

    const client = await cli(['uninstall', '--instance', 'CommerceDataExchangeAsyncClientService', ...host]);
    expect(client.code, client.err).toBe(0);
    expect((await cli(['instances', '--component', 'async-client', ...host])).out).toBe('No Async Client instance is installed on this computer.');
    const drive = path.join(sandbox, 'drives', 'C');
    const salt = path.join(drive, 'Program Files', 'Microsoft Dynamics AX', '60', 'Retail Salt Utility', 'RetailSaltUtility.exe');
    expect(existsSync(path.join(drive, 'AsyncClientService'))).toBe(false);
    // The Retail Salt Utility is shared: Async Server still has it.
    expect(existsSync(salt)).toBe(true);
    const server = await cli(['uninstall', '--instance', 'AsyncServer', ...host]);
    expect(server.code, server.err).toBe(0);
    expect((await cli(['instances', ...host])).out).toMatch(/No .*instance is installed on this computer/);
    const left = Object.keys(snapshot(drive)).filter((f) => !f.includes('CDX Setup'));
    expect(left).toEqual([]);
  });
});
