import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { copyFile, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { readConfigValues, replaceRawValues } from '../../app-config/config-file';
import type { NodePath } from '../../app-config/node-path';
import type { Operation, OperationContext, UndoData, UndoKind } from '../operation';
import { removeEmptyFolders } from './folder';

export interface PayloadFile {
  path: string;
  size: number;
  sha256: string;
}

export interface FilesInput {
  id: string;
  description: string;
  /** The payload folder as this process reads it. */
  sourceRoot: string;
  /** Where the files go, as a Windows path on the target. */
  destination: string;
  files: PayloadFile[];
  /** A folder of the support files where files this operation replaces are kept for undo. */
  backupDir: string;
  /**
   * The application's configuration file (a payload path) and the nodes Setup writes into it: that file is in place
   * when it is the payload's apart from those nodes' values, so a second install leaves the written values alone.
   */
  configured?: { path: string; locations: NodePath[] };
}

interface FilesUndo {
  created: string[];
  replaced: string[];
  folders: string[];
  backupDir: string;
}

const COPY_CONCURRENCY = 16;

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function inPlace(real: string, file: PayloadFile): Promise<boolean> {
  return existsSync(real) && statSync(real).size === file.size && (await sha256File(real)) === file.sha256;
}

/** The installed configuration file with the payload's values put back into the configured nodes is the payload's file. */
async function configuredInPlace(real: string, source: string, file: PayloadFile, locations: NodePath[]): Promise<boolean> {
  if (!existsSync(real)) return false;
  try {
    const installed = await readFile(real);
    const shipped = readConfigValues(await readFile(source), file.path, locations);
    const found = readConfigValues(installed, file.path, locations);
    const normalized = replaceRawValues(installed, found, shipped.spots.map((spot, index) => ({ index, raw: spot.raw })));
    return normalized.length === file.size && createHash('sha256').update(normalized).digest('hex') === file.sha256;
  } catch {
    return false;
  }
}

/**
 * Places payload files. Files already there with the right content are left alone; a different file at a target path
 * is kept in the support files first, so undo puts back exactly what was there.
 */
export type FilesOperation = Operation & { readonly input: FilesInput };

export function isFilesOperation(op: Operation): op is FilesOperation {
  return op.kind === 'files' && 'input' in op;
}

const targetIn = (destination: string, rel: string) => `${destination}\\${rel.split('/').join('\\')}`;

/** Removes the files the operation created and puts back, from the support files' backups, those it replaced. */
export const filesUndo: UndoKind = {
  kind: 'files',
  async undo(ctx, target, before) {
    const data = before as unknown as FilesUndo | null;
    if (!data) return;
    const destination = String(target.destination);
    for (const rel of data.created) await rm(ctx.host.realPath(targetIn(destination, rel)), { force: true });
    for (const rel of data.replaced) {
      const backup = path.join(data.backupDir, ...rel.split('/'));
      if (existsSync(backup)) await copyFile(backup, ctx.host.realPath(targetIn(destination, rel)));
    }
    removeEmptyFolders(ctx, data.folders);
  },
};

export function filesOperation(input: FilesInput): FilesOperation {
  const target = (rel: string) => targetIn(input.destination, rel);
  const placed = (real: string, file: PayloadFile) =>
    input.configured?.path === file.path ? configuredInPlace(real, path.join(input.sourceRoot, ...file.path.split('/')), file, input.configured.locations) : inPlace(real, file);

  async function survey(ctx: OperationContext): Promise<FilesUndo> {
    const data: FilesUndo = { created: [], replaced: [], folders: [], backupDir: input.backupDir };
    const folders = new Set<string>();
    for (const file of input.files) {
      const parts = file.path.split('/').slice(0, -1);
      for (let i = 1; i <= parts.length; i++) folders.add(target(parts.slice(0, i).join('/')));
    }
    data.folders = [...folders].filter((f) => !existsSync(ctx.host.realPath(f)));
    for (const file of input.files) {
      const real = ctx.host.realPath(target(file.path));
      if (!existsSync(real)) data.created.push(file.path);
      else if (!(await placed(real, file))) {
        const backup = path.join(input.backupDir, ...file.path.split('/'));
        if (!existsSync(backup)) {
          mkdirSync(path.dirname(backup), { recursive: true });
          await copyFile(real, backup);
        }
        data.replaced.push(file.path);
      }
    }
    return data;
  }

  // prepare's survey, reused by the apply that follows it in the same run (nothing changes between the two).
  const surveyed = new WeakMap<OperationContext, FilesUndo>();

  return {
    input,
    id: input.id,
    kind: filesUndo.kind,
    target: { destination: input.destination },
    description: input.description,
    details: { source: input.sourceRoot, destination: input.destination, files: String(input.files.length), bytes: String(input.files.reduce((n, f) => n + f.size, 0)) },
    async isDone(ctx) {
      for (const file of input.files) if (!(await placed(ctx.host.realPath(target(file.path)), file))) return false;
      return true;
    },
    async prepare(ctx) {
      const data = await survey(ctx);
      surveyed.set(ctx, data);
      return data as unknown as UndoData;
    },
    async apply(ctx) {
      const data = surveyed.get(ctx) ?? (await survey(ctx));
      surveyed.delete(ctx);
      for (const folder of data.folders) mkdirSync(ctx.host.realPath(folder), { recursive: true });
      const changing = new Set([...data.created, ...data.replaced]);
      const todo = input.files.filter((f) => changing.has(f.path));
      let next = 0;
      const worker = async () => {
        while (next < todo.length) {
          if (ctx.signal.aborted) return;
          const file = todo[next++];
          const source = path.join(input.sourceRoot, ...file.path.split('/'));
          const size = statSync(source).size;
          if (size !== file.size) throw new Error(`The payload file ${file.path} has ${size} bytes; its manifest says ${file.size}.`);
          await copyFile(source, ctx.host.realPath(target(file.path)));
        }
      };
      await Promise.all(Array.from({ length: Math.min(COPY_CONCURRENCY, todo.length) }, worker));
      ctx.log('debug', `Placed ${todo.length} of ${input.files.length} files in ${input.destination} (${input.files.length - todo.length} already in place).`);
      return data as unknown as UndoData;
    },
  };
}
