import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_PROTECTION_SCRIPTS } from '../../electron/engine/hosts/windows/windows-data-protection';
import type { OperationContext } from '../../electron/engine/plan/operation';
import { fileContentOperation } from '../../electron/engine/plan/operations/file-content';
import { appSettingLocation, protectedSettingOperation, protectedSettingUndo } from '../../electron/engine/plan/operations/protected-setting';
import { allFiles } from '../install/support';
import { commandLines } from '../install/machines';
import { fakeWindows } from '../support/fake-windows';

const CANARY = 'Canary-DPAPI-Pa55!-ä-5e7f';
const CONFIG = 'C:\\AsyncClientService\\AsyncClientService.exe.config';
const CONTENT = '<?xml version="1.0" encoding="utf-8"?>\r\n<configuration>\r\n  <appSettings>\r\n    <add key="DataStoreUserName" value="HoustonUser" />\r\n    <add key="DataStorePassword" value="" />\r\n  </appSettings>\r\n</configuration>\r\n';

describe('DPAPI for the Async Server connection password, the production scripts in pwsh against the fake Windows', () => {
  const w = fakeWindows();
  const other = fakeWindows();
  afterAll(async () => {
    await w.host.close();
    await other.host.close();
  });
  const ctx = (connectionPassword?: string): OperationContext => ({
    host: w.host,
    supportDir: path.join(w.sandbox, 'support'),
    secrets: connectionPassword === undefined ? {} : { connectionPassword },
    log: () => {},
    signal: new AbortController().signal,
  });
  const value = () => /key="DataStorePassword" value="([^"]*)"/.exec(readFileSync(w.host.realPath(CONFIG), 'utf8'))![1];

  it('encrypts for this computer only: the value opens to the password on it, not with another password, not on another computer', async () => {
    const blob = await w.host.dataProtection.protectSecret(CANARY);
    expect(blob).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(blob, 'base64').toString('utf8')).not.toContain(CANARY);
    // DPAPI is randomised: the same password twice gives two values, both of which open.
    const again = await w.host.dataProtection.protectSecret(CANARY);
    expect(again).not.toBe(blob);
    expect(await w.host.dataProtection.isProtectedSecret(blob, CANARY)).toBe(true);
    expect(await w.host.dataProtection.isProtectedSecret(again, CANARY)).toBe(true);
    expect(await w.host.dataProtection.isProtectedSecret(blob, 'Canary-DPAPI-Pa55!-a-5e7f')).toBe(false);
    // Another computer's key does not open it ("The data is invalid."), nor does a value that is not base64.
    expect(await other.host.dataProtection.isProtectedSecret(blob, CANARY)).toBe(false);
    expect(await w.host.dataProtection.isProtectedSecret('not base64!', CANARY)).toBe(false);
  });

  it('refuses what Setup must never do: a value protected for the installing user (CurrentUser), which the service account could not read', async () => {
    const script = DATA_PROTECTION_SCRIPTS.protectSecret.replace('DataProtectionScope]::LocalMachine', 'DataProtectionScope]::CurrentUser');
    const outcome = await w.host.powershell.run(script, { secret: CANARY });
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/LocalMachine scope only, not CurrentUser/) });
  });

  it('stores it in the configuration file as a step: done again with the same password, not with another, undone to the byte', async () => {
    await fileContentOperation(CONFIG, CONTENT, 'the configuration', [appSettingLocation('DataStorePassword')]).apply(ctx());
    const written = readFileSync(w.host.realPath(CONFIG));
    const op = protectedSettingOperation({ file: CONFIG, appSetting: 'DataStorePassword', secret: 'connectionPassword', what: 'the password for the Async Server connection', backupDir: path.join(w.sandbox, 'support', 'backups', 'p') });
    expect(await op.isDone(ctx(CANARY))).toBe(false);
    const before = await op.apply(ctx(CANARY));
    expect(before).toEqual({ previous: { raw: '' } });
    expect(await op.isDone(ctx(CANARY))).toBe(true);
    expect(await op.isDone(ctx('another password'))).toBe(false);
    expect(await w.host.dataProtection.isProtectedSecret(value(), CANARY)).toBe(true);
    // The file around the value is as the configuration step wrote it: that step is in place too.
    expect(await fileContentOperation(CONFIG, CONTENT, 'the configuration', [appSettingLocation('DataStorePassword')]).isDone(ctx())).toBe(true);

    // A changed password: its undo gives back the first encrypted value, which the support files kept.
    const first = readFileSync(w.host.realPath(CONFIG));
    const changed = await op.apply(ctx('Changed-Pa55!'));
    expect(await w.host.dataProtection.isProtectedSecret(value(), 'Changed-Pa55!')).toBe(true);
    await protectedSettingUndo.undo(ctx(), op.target, changed);
    expect(readFileSync(w.host.realPath(CONFIG)).equals(first)).toBe(true);
    await protectedSettingUndo.undo(ctx(), op.target, before);
    expect(readFileSync(w.host.realPath(CONFIG)).equals(written)).toBe(true);

    // Not in a file of the computer (configuration, backups, the fake's state), its change log, or pwsh's command line.
    for (const file of [...allFiles(w.sandbox), w.callsFile].filter((f) => existsSync(f))) expect(readFileSync(file, 'utf8'), file).not.toContain(CANARY);
    expect(w.readState().dpapi).toEqual({ machineKey: expect.any(String) });
    const lines = commandLines(w.host);
    expect(lines.length).toBe(1);
    expect(lines[0]).not.toContain(CANARY);
  });
});
