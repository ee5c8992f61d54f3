import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readConfigValues, replaceRawValues } from '../../app-config/config-file';
import type { NodePath } from '../../app-config/node-path';
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
 * journal to be written back. Its content never holds a secret. `laterWritten` are the XML values a later step of the
 * plan fills in (an encrypted password, which this content leaves empty): what is on disk there is not compared, so
 * a second run finds the file in place instead of writing it again.
 */
export type FileContentOperation = Operation & { readonly content: string };

export function isFileContentOperation(op: Operation): op is FileContentOperation {
  return op.kind === fileContentUndo.kind && 'content' in op;
}

export function fileContentOperation(windowsPath: string, content: string, what: string, laterWritten: NodePath[] = []): FileContentOperation {
  const bytes = Buffer.from(content, 'utf8');
  const read = (real: string) => (existsSync(real) ? readFileSync(real) : null);
  const same = (onDisk: Buffer) => {
    if (laterWritten.length === 0) return onDisk.equals(bytes);
    try {
      const found = readConfigValues(onDisk, windowsPath, laterWritten);
      return replaceRawValues(onDisk, found, found.spots.map((_, index) => ({ index, raw: '' }))).equals(bytes);
    } catch {
      return false;
    }
  };
  return {
    content,
    id: `file.content:${windowsPath}`,
    kind: fileContentUndo.kind,
    target: { path: windowsPath },
    description: `Write ${what} to ${windowsPath}`,
    details: { path: windowsPath, bytes: String(bytes.length) },
    async isDone(ctx) {
      const onDisk = read(ctx.host.realPath(windowsPath));
      return onDisk !== null && same(onDisk);
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
