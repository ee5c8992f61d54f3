import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OperationContext } from '../../electron/engine/plan/operation';
import { folderOperation, folderUndo } from '../../electron/engine/plan/operations/folder';
import { install, rehearsal, snapshot } from './support';

describe('file and folder operations', () => {
  it('keeps a different file it replaces and puts it back on rollback', async () => {
    const env = await rehearsal([{ operation: 'instance:AsyncServer', message: 'fail at the very end' }]);
    const webConfig = env.host.realPath('C:\\inetpub\\AsyncServerSite\\AsyncServer\\web.config');
    mkdirSync(path.dirname(webConfig), { recursive: true });
    writeFileSync(webConfig, '<configuration><!-- the admin\'s own --></configuration>');
    const before = snapshot(env.sandbox, env.supportDir);
    const result = await install(env);
    expect(result.outcome).toBe('rolled-back');
    expect(readFileSync(webConfig, 'utf8')).toContain("the admin's own");
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });

  it('creates a folder below a UNC share and removes only what it created', async () => {
    const env = await rehearsal();
    mkdirSync(env.host.realPath('\\\\fileserver\\share'), { recursive: true });
    const ctx: OperationContext = { host: env.host, supportDir: env.supportDir, secrets: {}, signal: new AbortController().signal, log: () => {} };
    const op = folderOperation('\\\\fileserver\\share\\cdx\\app', 'test');
    expect(await op.isDone(ctx)).toBe(false);
    const undo = await op.apply(ctx);
    expect(undo).toEqual({ created: ['\\\\fileserver\\share\\cdx', '\\\\fileserver\\share\\cdx\\app'] });
    expect(await op.isDone(ctx)).toBe(true);
    await folderUndo.undo(ctx, op.target, undo);
    expect(existsSync(env.host.realPath('\\\\fileserver\\share\\cdx'))).toBe(false);
    expect(existsSync(env.host.realPath('\\\\fileserver\\share'))).toBe(true);
  });

  it('leaves a folder it created when something else has put a file in it', async () => {
    const env = await rehearsal();
    const ctx: OperationContext = { host: env.host, supportDir: env.supportDir, secrets: {}, signal: new AbortController().signal, log: () => {} };
    const op = folderOperation('C:\\data\\cdx', 'test');
    const undo = await op.apply(ctx);
    writeFileSync(env.host.realPath('C:\\data\\cdx\\someone-else.txt'), 'x');
    await folderUndo.undo(ctx, op.target, undo);
    expect(existsSync(env.host.realPath('C:\\data\\cdx\\someone-else.txt'))).toBe(true);
  });
});
