import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfigValues } from '../../electron/engine/app-config/config-file';
import { loadPayload } from '../../electron/engine/payload/manifest';
import { buildPlan } from '../../electron/engine/plan/build-plan';
import { isAppConfigOperation } from '../../electron/engine/plan/operations/app-config';
import { encodeText } from '../../electron/engine/app-config/text-encoding';
import { allFiles, CANARY, CHOICES, goodSettings, install, rehearsal, serviceOn, snapshot } from '../install/support';
import { ODD_WEB_CONFIG } from './fixtures';

const WEB_CONFIG = 'C:\\inetpub\\AsyncServerSite\\AsyncServer\\web.config';
const PREVIOUS_PASSWORD = 'Previous-Install-Pa55!-c4n4ry';

/** The odd web.config with the sample's nodes, as the payload ships it (values empty). */
function shippedWebConfig(): string {
  return ODD_WEB_CONFIG.replace("connectionString='Data Source=old;Initial Catalog=&quot;Old&amp;DB&quot;'", "connectionString=''")
    .replace('value="443"', 'value=""')
    .replace('<add key="Ünïcode"', '<add key="CertificateThumbprint" value=""/><add key="Ünïcode"');
}

/** The sample payload, its web.config replaced by `bytes`, at C:\payload of the rehearsal machine. */
function customPayload(env: Awaited<ReturnType<typeof rehearsal>>, bytes: Buffer): string {
  const root = env.host.realPath('C:\\payload');
  cpSync(path.resolve('payload/async-server'), root, { recursive: true });
  writeFileSync(path.join(root, 'web.config'), bytes);
  spawnSync(process.execPath, ['scripts/make-payload-manifest.mjs', root]);
  return 'C:\\payload';
}

async function installWith(env: Awaited<ReturnType<typeof rehearsal>>, settings = goodSettings(), choices = CHOICES, secrets: { appPoolPassword: string; sqlPassword?: string } = { appPoolPassword: CANARY }) {
  const plan = await buildPlan(env.host, env.supportDir, { settings, choices, passwordProvided: true });
  return { plan, result: await install(env, settings, { secrets }, choices) };
}

describe("the application's configuration", () => {
  it('writes the connection string, the ports and the thumbprint into the installed web.config, and shows them', async () => {
    const env = await rehearsal();
    const { plan, result } = await installWith(env);
    expect(result.outcome).toBe('installed');
    const op = plan.operations.find(isAppConfigOperation)!;
    expect(op.configuration.values.map((v) => [v.label, v.value])).toEqual([
      ['Message database connection string', 'Data Source=SQLHQ01;Initial Catalog=AsyncServerMessageDB;Integrated Security=True;Encrypt=True'],
      ['HTTPS port', '8443'],
      ['TCP port', '808'],
      ['SSL certificate thumbprint', 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B'],
    ]);
    const payload = await loadPayload(path.resolve('payload/async-server'));
    const values = readConfigValues(readFileSync(env.host.realPath(WEB_CONFIG)), 'web.config', payload.manifest.configuration!.values.map((v) => v.location));
    expect(values.spots.map((s) => s.value)).toEqual(op.configuration.values.map((v) => v.value));
    // The operations before it are the files; the app pool comes after (it reads the configuration when it starts).
    const kinds = plan.operations.map((o) => o.kind);
    expect(kinds.indexOf('app-config')).toBeGreaterThan(kinds.lastIndexOf('files'));
    expect(kinds.indexOf('app-config')).toBeLessThan(kinds.indexOf('iis.app-pool'));
  });

  it.each([
    ['UTF-8 with BOM', (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')])],
    ['UTF-16 LE', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), encodeText(t.replace('utf-8', 'utf-16'), 'utf-16le')])],
  ])('%s, hand-formatted: installs twice without a change, and a fault after the edit rolls back to the byte', async (_name, encode) => {
    const env = await rehearsal([{ operation: 'iis.app-pool:AsyncServer', message: 'fault after the configuration was written' }]);
    const shipped = encode(shippedWebConfig());
    const folder = customPayload(env, shipped);
    const before = snapshot(env.sandbox, env.supportDir);
    const failed = await installWith(env, goodSettings({ WebApplicationServiceBinarySourceFolder: folder }));
    expect(failed.result.outcome).toBe('rolled-back');
    expect(failed.result.steps.find((s: { id: string }) => s.id.startsWith('app-config:'))?.status).toBe('undone');
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);

    const healthy = await rehearsal();
    customPayload(healthy, shipped);
    expect((await installWith(healthy, goodSettings({ WebApplicationServiceBinarySourceFolder: folder }))).result.outcome).toBe('installed');
    const installed = readFileSync(healthy.host.realPath(WEB_CONFIG));
    expect(installed.subarray(0, 2)).toEqual(shipped.subarray(0, 2));
    expect(installed.equals(shipped)).toBe(false);
    const after = snapshot(healthy.sandbox, healthy.supportDir);
    expect((await installWith(healthy, goodSettings({ WebApplicationServiceBinarySourceFolder: folder }))).result.outcome).toBe('unchanged');
    expect(snapshot(healthy.sandbox, healthy.supportDir)).toEqual(after);
    // Modify: a new HTTPS port rewrites its node only; uninstall gives back an empty machine.
    const modified = await installWith(healthy, goodSettings({ WebApplicationServiceBinarySourceFolder: folder, WebSiteHttpsPort: '9443' }));
    expect(modified.result.outcome).toBe('installed');
    expect(modified.result.steps.find((s: { id: string }) => s.id.startsWith('files:C:\\inetpub'))?.status).toBe('skipped');
    expect((await serviceOn(healthy).uninstall('AsyncServer', { secrets: {} })).outcome).toBe('uninstalled');
    expect(existsSync(healthy.host.realPath(WEB_CONFIG))).toBe(false);
  });

  it('keeps a password found in the previous configuration out of the journal, the log and the instance record, and restores it to the byte', async () => {
    const env = await rehearsal([{ operation: 'instance:AsyncServer', message: 'fault at the very end' }]);
    // An earlier, hand-made install: the payload's file, but its connection string signs in with SQL authentication.
    const shipped = readFileSync(path.resolve('payload/async-server/web.config'), 'utf8');
    const previous = shipped.replace('connectionString=""', `connectionString="Data Source=SQLHQ01;User ID=async;Password=${PREVIOUS_PASSWORD}"`);
    mkdirSync(path.dirname(env.host.realPath(WEB_CONFIG)), { recursive: true });
    writeFileSync(env.host.realPath(WEB_CONFIG), previous);
    const before = snapshot(env.sandbox, env.supportDir);
    const sql = { ...CHOICES, database: { ...CHOICES.database, authentication: 'sql' as const, sqlLogin: 'cdx_setup' } };
    const { result } = await installWith(env, goodSettings(), sql, { appPoolPassword: CANARY, sqlPassword: 'Rehearsal-Only-Pa55' });
    expect(result.outcome).toBe('rolled-back');
    expect(readFileSync(env.host.realPath(WEB_CONFIG), 'utf8')).toBe(previous);
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
    const kept = allFiles(env.supportDir).filter((f) => readFileSync(f, 'utf8').includes(PREVIOUS_PASSWORD));
    // Only the one file that keeps the node's previous value for undo holds it, readable by its owner alone.
    expect(kept).toHaveLength(1);
    expect(path.basename(kept[0])).toBe('previous-value-0.txt');
    expect(statSync(kept[0]).mode & 0o077).toBe(0);
    // …and the web.config itself, where it was before.
    for (const file of allFiles(env.sandbox)) {
      if (file !== kept[0] && file !== env.host.realPath(WEB_CONFIG)) expect(readFileSync(file, 'utf8'), file).not.toContain(PREVIOUS_PASSWORD);
      expect(readFileSync(file, 'utf8'), file).not.toContain('Rehearsal-Only-Pa55');
    }
  });
});

describe("the payload's configuration section", () => {
  it('refuses, before any change, a manifest whose node is not in the shipped file, naming the file and the node', async () => {
    const env = await rehearsal();
    const folder = customPayload(env, Buffer.from('<configuration><appSettings/></configuration>'));
    const before = snapshot(env.sandbox, env.supportDir);
    const err = await buildPlan(env.host, env.supportDir, { settings: goodSettings({ WebApplicationServiceBinarySourceFolder: folder }), choices: CHOICES, passwordProvided: true }).catch((e) => e);
    expect(err.field).toBe('WebApplicationServiceBinarySourceFolder');
    expect(err.message).toMatch(/web\.config has no element at \/configuration\/connectionStrings\/add\[@name='HQMessageDatabase'\]\/@connectionString/);
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });

  it('refuses a node location that is not the accepted XPath form', async () => {
    const env = await rehearsal();
    const root = env.host.realPath(customPayload(env, readFileSync(path.resolve('payload/async-server/web.config'))));
    const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8'));
    manifest.configuration.values[1].location = '//appSettings/add';
    writeFileSync(path.join(root, 'manifest.json'), JSON.stringify(manifest));
    await expect(loadPayload(root)).rejects.toThrow(/configuration node location "\/\/appSettings\/add" does not end in an attribute/);
  });
});
