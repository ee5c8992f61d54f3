import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenariosRoot } from '../../../electron/engine/hosts/create-host';
import { RehearsalHost } from '../../../electron/engine/hosts/rehearsal/rehearsal-host';
import { loadScenario } from '../../../electron/engine/hosts/rehearsal/scenario';
import { InstallService } from '../../../electron/engine/install/install-service';
import { findInstance } from '../../../electron/engine/instances/registry';
import type { PlanChoices } from '../../../electron/engine/plan/build-plan';
import { SupportFiles } from '../../../electron/engine/support-files/support-files';
import type { ClientSettings } from '../../../shared/components/async-client/parameters';
import { DEFAULT_DATABASE_CHOICE } from '../../../shared/settings/install-defaults';
import { snapshot } from '../../install/support';
import { REHEARSAL_ACCOUNT_PASSWORD } from '../../support/scenario-copy';
import { clientSettings } from './helpers';

/**
 * The Async Client configuration file, which holds the connection password encrypted for the computer (DPAPI's machine
 * scope: any process that can read the file can decrypt it), restricted to Administrators, SYSTEM and the service
 * account before the password goes in, on the rehearsal store computer (state/acl.json's `files`).
 */
const CHOICES: PlanChoices = { configure: true, components: ['async-client'], database: DEFAULT_DATABASE_CHOICE };
const CONFIG = 'C:\\AsyncClientService\\Microsoft.Dynamics.Retail.CommerceDataExchange.AsyncClientService.exe.config';
const STEP = `file-acl:${CONFIG}`;
const SECRETS = { servicePassword: REHEARSAL_ACCOUNT_PASSWORD, connectionPassword: 'Canary-Acl-Pa55!' };
/** STORE01\svc-cdx as the rehearsal maps it: the store scenario's first account, local to STORE01. */
const SERVICE_SID = 'S-1-5-21-1004336348-1177238915-682003330-1100';
/** What a new file under C:\ has: no rules of its own, and the drive's, inherited. */
const INHERITED = 'D:AI(A;ID;FA;;;BA)(A;ID;FA;;;SY)(A;ID;0x1200a9;;;BU)';
const RESTRICTED = `D:PAI(A;;FA;;;BA)(A;;FA;;;SY)(A;;FR;;;${SERVICE_SID})`;

async function storeComputer(faults: { operation: string; message?: string }[] = []) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cdx-config-acl-'));
  const scenario = JSON.parse(readFileSync(path.join(scenariosRoot(), 'store', 'scenario.json'), 'utf8'));
  const file = path.join(dir, 'scenario.json');
  writeFileSync(file, JSON.stringify({ ...scenario, faults }));
  const sandbox = path.join(dir, 'machine');
  const host = new RehearsalHost(loadScenario(file), sandbox);
  const supportDir = await new SupportFiles(host).realDir();
  const service = new InstallService({ host, supportDir, toolVersion: 'test' });
  const install = (patch: Partial<ClientSettings> = {}) => service.install({ component: 'async-client', settings: clientSettings(patch), choices: CHOICES }, { secrets: SECRETS });
  const aclState = () => JSON.parse(readFileSync(path.join(sandbox, 'state', 'acl.json'), 'utf8'));
  return { host, sandbox, supportDir, service, install, aclState, now: () => snapshot(sandbox, supportDir) };
}

describe('the Async Client configuration file\'s permissions on the rehearsal store computer', () => {
  it('is planned between writing the file and storing the password, by SID, with the service account resolved', async () => {
    const env = await storeComputer();
    const preview = await env.service.preview({ component: 'async-client', settings: clientSettings(), choices: CHOICES });
    const ids = preview.steps.map((s) => s.id);
    expect(ids.slice(ids.indexOf(STEP) - 1, ids.indexOf(STEP) + 2)).toEqual([`file.content:${CONFIG}`, STEP, `app-config.protected:${CONFIG}#DataStorePassword`]);
    expect(preview.steps.find((s) => s.id === STEP)).toMatchObject({
      done: false,
      description: `Restrict the Async Client configuration (${CONFIG}) to Administrators and SYSTEM with Full control and STORE01\\svc-cdx with Read, inheritance from its folder removed`,
      details: { administrators: 'S-1-5-32-544 FullControl', system: 'S-1-5-18 FullControl', account: 'STORE01\\svc-cdx', reference: 'STORE01\\svc-cdx' },
    });
    // A built-in account goes by its well-known SID; .\user is this computer's user.
    const network = await env.service.plan({ component: 'async-client', settings: clientSettings({ ServiceUser: 'NT Authority\\Network Service' }), choices: CHOICES });
    expect(network.operations.find((o) => o.id === STEP)?.details).toMatchObject({ account: 'NT Authority\\Network Service', reference: 'S-1-5-20' });
    const local = await env.service.plan({ component: 'async-client', settings: clientSettings({ ServiceUser: '.\\svc-cdx' }), choices: CHOICES });
    expect(local.operations.find((o) => o.id === STEP)?.details.reference).toBe('STORE01\\svc-cdx');
  });

  it('is restricted on install, is already so the second time, and uninstall gives the computer back as it was', async () => {
    const env = await storeComputer();
    const before = env.now();
    const result = await env.install();
    expect(result.outcome, result.message).toBe('installed');
    expect(result.steps.find((s) => s.id === STEP)?.status).toBe('applied');
    expect(await env.host.machine.readFileAccess(CONFIG)).toEqual({
      path: CONFIG,
      isProtected: true,
      rules: [
        { sid: 'S-1-5-32-544', rights: 0x1f01ff, type: 'Allow' },
        { sid: 'S-1-5-18', rights: 0x1f01ff, type: 'Allow' },
        { sid: SERVICE_SID, rights: 0x120089, type: 'Allow' },
      ],
      sddl: RESTRICTED,
    });
    // What QA sees in the machine's state: the file, inheriting nothing, and its three rules by name.
    expect(env.aclState().files[CONFIG.toLowerCase()]).toEqual({
      path: CONFIG,
      isProtected: true,
      rules: [
        { identity: 'BUILTIN\\Administrators', sid: 'S-1-5-32-544', rights: 'FullControl', type: 'Allow' },
        { identity: 'NT AUTHORITY\\SYSTEM', sid: 'S-1-5-18', rights: 'FullControl', type: 'Allow' },
        { identity: 'STORE01\\svc-cdx', sid: SERVICE_SID, rights: 'Read', type: 'Allow' },
      ],
    });
    // The journal keeps the file's DACL as it was, for undo.
    const journals = readdirSync(path.join(env.supportDir, 'journal')).map((f) => readFileSync(path.join(env.supportDir, 'journal', f), 'utf8'));
    expect(journals.join('\n')).toContain(JSON.stringify({ previous: INHERITED }));

    const installed = env.now();
    const again = await env.install();
    expect(again.outcome, again.message).toBe('unchanged');
    expect(again.steps.find((s) => s.id === STEP)?.status).toBe('skipped');
    expect(env.now()).toEqual(installed);

    const removed = await env.service.uninstall('CommerceDataExchangeAsyncClientService', { secrets: {} });
    expect(removed.outcome, removed.message).toBe('uninstalled');
    expect(env.now()).toEqual(before);
  });

  it('a fault injected at it rolls the computer back to exactly its state before', async () => {
    const env = await storeComputer([{ operation: STEP, message: 'injected fault at the permissions' }]);
    const before = env.now();
    const result = await env.install();
    expect(result.outcome, result.message).toBe('rolled-back');
    expect(result.message).toContain('injected fault at the permissions');
    expect(result.steps.find((s) => s.id === STEP)?.status).toBe('undone');
    // Undone before the password step was reached: no password was ever stored.
    expect(result.steps.find((s) => s.id === `app-config.protected:${CONFIG}#DataStorePassword`)?.status).toBe('pending');
    expect(env.now()).toEqual(before);
  });

  it('a rule added by hand to the restricted file is taken away again, and undo gives back the exact DACL it had', async () => {
    const env = await storeComputer();
    expect((await env.install()).outcome).toBe('installed');
    // An admin gave Users Read and execute on the file, keeping it protected.
    const byHand = `${RESTRICTED}(A;;0x1200a9;;;BU)`;
    await env.host.machine.writeFileAccessSddl(CONFIG, byHand);
    expect((await env.host.machine.readFileAccess(CONFIG))?.sddl).toBe(byHand);
    const again = await env.install();
    expect(again.outcome, again.message).toBe('installed');
    expect(again.steps.filter((s) => s.status === 'applied').map((s) => s.id.split(':')[0])).toEqual(['file-acl', 'instance']);
    expect((await env.host.machine.readFileAccess(CONFIG))?.sddl).toBe(RESTRICTED);
    // The instance keeps both runs' changes, the admin's DACL as the second one's state before, for uninstall to undo in reverse.
    const applied = findInstance(env.supportDir, 'CommerceDataExchangeAsyncClientService')?.applied.filter((c) => c.id === STEP);
    expect(applied?.map((c) => c.before)).toEqual([{ previous: INHERITED }, { previous: byHand }]);
  });

  it('refuses what Windows refuses, changing nothing: an account it cannot map, a file that is not there, an SDDL it cannot read', async () => {
    const env = await storeComputer();
    const folder = env.host.realPath('C:\\AsyncClientService');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'x.config'), '<configuration />');
    const file = 'C:\\AsyncClientService\\x.config';
    expect((await env.host.machine.readFileAccess(file))?.sddl).toBe(INHERITED);
    const before = env.now();
    await expect(env.host.machine.restrictFileAccess(file, [{ identity: 'S-1-5-32-544', rights: 'FullControl' }, { identity: 'STORE01\\nobody', rights: 'Read' }])).rejects.toThrow(/could not be translated: STORE01\\nobody/);
    await expect(env.host.machine.restrictFileAccess('C:\\AsyncClientService\\missing.config', [{ identity: 'S-1-5-32-544', rights: 'FullControl' }])).rejects.toThrow(/does not exist/);
    await expect(env.host.machine.writeFileAccessSddl(file, 'D:PAI(A;;FA;;;BA')).rejects.toThrow('The SDDL form of a security descriptor object is invalid.');
    expect(env.now()).toEqual(before);
    expect(await env.host.machine.readFileAccess('C:\\AsyncClientService\\missing.config')).toBeNull();
    // A folder's inheritable rules reach the file, nearest first, and go when it stops inheriting.
    await env.host.machine.writeAccess({ path: 'C:\\AsyncClientService', identity: 'S-1-5-20', rights: 'Modify' });
    expect((await env.host.machine.readFileAccess(file))?.sddl).toBe('D:AI(A;ID;0x1301bf;;;NS)(A;ID;FA;;;BA)(A;ID;FA;;;SY)(A;ID;0x1200a9;;;BU)');
    await env.host.machine.restrictFileAccess(file, [{ identity: 'S-1-5-32-544', rights: 'FullControl' }]);
    expect((await env.host.machine.readFileAccess(file))?.sddl).toBe('D:PAI(A;;FA;;;BA)');
  });
});
