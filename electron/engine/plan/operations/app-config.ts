import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readConfigValues, rawFor, replaceRawValues } from '../../app-config/config-file';
import { parseNodePath, type NodePath } from '../../app-config/node-path';
import { holdsSecret, maskSecrets } from '../../app-config/secret-values';
import type { Operation, OperationContext, UndoData, UndoKind } from '../operation';

export interface AppConfigValue {
  /** For the Ready page: "Message database connection string". */
  label: string;
  location: NodePath;
  value: string;
}

export interface AppConfigInput {
  id: string;
  /** The installed configuration file, as a Windows path on the target. */
  file: string;
  values: AppConfigValue[];
  /** A folder of the support files: previous values that hold a password are kept there, not in the journal. */
  backupDir: string;
}

/** One node as it was: its raw text inline, or, when it holds a password, in a file of the support files. */
type PreviousNode = { location: string; raw: string } | { location: string; storedIn: string; sha256: string };

interface AppConfigUndo {
  nodes: PreviousNode[];
}

export type AppConfigOperation = Operation & {
  readonly configuration: { file: string; values: { label: string; location: string; value: string }[] };
  /** The file's bytes with the values written: what apply leaves, for the exported script. */
  edit(bytes: Buffer): Buffer;
};

export function isAppConfigOperation(op: Operation): op is AppConfigOperation {
  return op.kind === 'app-config' && 'configuration' in op;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Writes the manifest's values into the application's configuration file, node by node: every other byte of the file
 * stays as it is, in its encoding. Undo writes each node's previous text back, which gives back the file to the byte.
 */
export function appConfigOperation(input: AppConfigInput): AppConfigOperation {
  const paths = input.values.map((v) => v.location);
  const shown = input.values.map((v) => ({ label: v.label, location: v.location.text, value: maskSecrets(v.value) }));
  const name = path.win32.basename(input.file);

  function read(ctx: OperationContext) {
    const real = ctx.host.realPath(input.file);
    if (!existsSync(real)) throw new Error(`The configuration file ${input.file} is not there, so its values cannot be written.`);
    const bytes = readFileSync(real);
    return { real, bytes, found: readConfigValues(bytes, input.file, paths) };
  }

  function previous(found: ReturnType<typeof read>['found']): AppConfigUndo {
    const nodes = found.spots.map((spot, i): PreviousNode => {
      const location = paths[i].text;
      if (!holdsSecret(spot.value)) return { location, raw: spot.raw };
      // The journal and the instance record never hold a password: this value goes to the support files only.
      const storedIn = path.join(input.backupDir, `previous-value-${i}.txt`);
      mkdirSync(input.backupDir, { recursive: true });
      writeFileSync(storedIn, spot.raw, { mode: 0o600 });
      chmodSync(storedIn, 0o600);
      return { location, storedIn, sha256: sha256(spot.raw) };
    });
    return { nodes };
  }

  return {
    id: input.id,
    kind: 'app-config',
    target: { file: input.file },
    description: `Write ${shown.map((v) => v.label).join(', ')} into the application's configuration file ${input.file}`,
    details: Object.fromEntries([['file', input.file], ...shown.map((v) => [`${v.location}`, v.value])]),
    configuration: { file: input.file, values: shown },
    edit(bytes) {
      const found = readConfigValues(bytes, input.file, paths);
      return replaceRawValues(bytes, found, found.spots.map((spot, index) => ({ index, raw: rawFor(spot, input.values[index].value) })));
    },
    async isDone(ctx) {
      const real = ctx.host.realPath(input.file);
      if (!existsSync(real)) return false;
      try {
        const { spots } = readConfigValues(readFileSync(real), input.file, paths);
        return spots.every((spot, i) => spot.value === input.values[i].value);
      } catch {
        return false;
      }
    },
    async prepare(ctx) {
      return previous(read(ctx).found) as unknown as UndoData;
    },
    async apply(ctx) {
      const { real, bytes, found } = read(ctx);
      const undo = previous(found);
      writeInPlace(real, this.edit(bytes));
      ctx.log('info', `Wrote ${input.values.length} values into ${name}: ${shown.map((v) => `${v.label} = "${v.value}"`).join('; ')}.`);
      return undo as unknown as UndoData;
    },
  };
}

/** Writes each node's previous text back, from the journal (and the support files, for a value with a password). */
export const appConfigUndo: UndoKind = {
  kind: 'app-config',
  async undo(ctx, target, before) {
    const data = before as unknown as AppConfigUndo | null;
    if (!data) return;
    const file = String(target.file);
    const real = ctx.host.realPath(file);
    if (!existsSync(real)) {
      ctx.log('info', `${file} is no longer there: its values need no restoring.`);
      return;
    }
    const bytes = readFileSync(real);
    const found = readConfigValues(bytes, file, data.nodes.map((n) => parseNodePath(n.location)));
    const edits = data.nodes.map((node, index) => ({ index, raw: previousRaw(node) }));
    writeInPlace(real, replaceRawValues(bytes, found, edits));
    ctx.log('info', `Restored the previous values of ${data.nodes.length} nodes in ${path.win32.basename(file)}.`);
  },
};

function previousRaw(node: PreviousNode): string {
  if ('raw' in node) return node.raw;
  if (!existsSync(node.storedIn)) throw new Error(`The previous value of ${node.location} was kept in ${node.storedIn}, which is gone: it cannot be restored.`);
  const raw = readFileSync(node.storedIn, 'utf8');
  if (sha256(raw) !== node.sha256) throw new Error(`The previous value of ${node.location} kept in ${node.storedIn} has changed since: it is not restored.`);
  return raw;
}

/**
 * Written in place, not through a renamed temporary file: on Windows a rename would replace the file's own access
 * rules with the folder's inherited ones. The file is a few kilobytes, written in one call.
 */
function writeInPlace(real: string, bytes: Buffer): void {
  writeFileSync(real, bytes);
}
