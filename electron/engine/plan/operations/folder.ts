import { existsSync, mkdirSync, readdirSync, rmdirSync } from 'node:fs';
import type { Operation, OperationContext, UndoKind } from '../operation';

/** The folder and each missing parent, outermost first (below the drive, or below \\server\share). */
function missingFolders(ctx: OperationContext, windowsPath: string): string[] {
  const unc = windowsPath.startsWith('\\\\');
  const parts = windowsPath.split('\\').filter(Boolean);
  const missing: string[] = [];
  for (let i = unc ? 3 : 2; i <= parts.length; i++) {
    const candidate = (unc ? '\\\\' : '') + parts.slice(0, i).join('\\');
    if (!existsSync(ctx.host.realPath(candidate))) missing.push(candidate);
  }
  return missing;
}

/** Undo removes the folders the operation created, and only while they are empty. */
export const folderUndo: UndoKind = {
  kind: 'folder',
  async undo(ctx, _target, before) {
    removeEmptyFolders(ctx, (before?.created as string[] | undefined) ?? []);
  },
};

/** Creates a folder and each missing parent. */
export function folderOperation(windowsPath: string, purpose: string): Operation {
  return {
    id: `folder:${windowsPath}`,
    kind: folderUndo.kind,
    target: { path: windowsPath },
    description: `Create the folder ${windowsPath} (${purpose})`,
    details: { path: windowsPath, purpose },
    async isDone(ctx) {
      return existsSync(ctx.host.realPath(windowsPath));
    },
    async prepare(ctx) {
      return { created: missingFolders(ctx, windowsPath) };
    },
    async apply(ctx) {
      const created = missingFolders(ctx, windowsPath);
      mkdirSync(ctx.host.realPath(windowsPath), { recursive: true });
      return { created };
    },
  };
}

/** Deepest first; a folder that something else put files in stays. */
export function removeEmptyFolders(ctx: OperationContext, windowsPaths: string[]): void {
  for (const folder of [...windowsPaths].sort((a, b) => b.length - a.length)) {
    const real = ctx.host.realPath(folder);
    if (existsSync(real) && readdirSync(real).length === 0) rmdirSync(real);
  }
}
