import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Operation, UndoKind } from '../operation';

/** Undo writes the file back as it was, or removes it when it did not exist. */
export const fileContentUndo: UndoKind = {
  kind: 'file.content',
  async undo(ctx, target, before) {
    const real = ctx.host.realPath(String(target.path));
    const previous = before?.previous;
    if (typeof previous === 'string') writeFileSync(real, Buffer.from(previous, 'base64'));
    else rmSync(real, { force: true });
  },
};

/**
 * One file written whole from the settings (an application's configuration): the file as it was is kept in the
 * journal to be written back. Its content never holds a secret.
 */
export function fileContentOperation(windowsPath: string, content: string, what: string): Operation {
  const bytes = Buffer.from(content, 'utf8');
  const read = (real: string) => (existsSync(real) ? readFileSync(real) : null);
  return {
    id: `file.content:${windowsPath}`,
    kind: fileContentUndo.kind,
    target: { path: windowsPath },
    description: `Write ${what} to ${windowsPath}`,
    details: { path: windowsPath, bytes: String(bytes.length) },
    async isDone(ctx) {
      return read(ctx.host.realPath(windowsPath))?.equals(bytes) === true;
    },
    async prepare(ctx) {
      return { previous: read(ctx.host.realPath(windowsPath))?.toString('base64') ?? null };
    },
    async apply(ctx) {
      const real = ctx.host.realPath(windowsPath);
      const previous = read(real)?.toString('base64') ?? null;
      mkdirSync(path.dirname(real), { recursive: true });
      writeFileSync(real, bytes);
      return { previous };
    },
  };
}
