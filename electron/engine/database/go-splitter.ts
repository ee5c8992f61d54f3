/**
 * Splits a T-SQL script into batches the way sqlcmd does: a line holding only `GO` (any case, surrounding blanks,
 * optionally a repeat count and a trailing `--` comment) ends a batch. A `GO` inside a string, a quoted identifier or
 * a comment (block comments nest in T-SQL) is text, as is `GO` within a longer word.
 */
export interface SqlBatch {
  text: string;
  /** `GO 3` runs the batch three times. */
  repeat: number;
  /** The script line the batch starts on (1-based), for error messages. */
  line: number;
}

export class ScriptSyntaxError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`line ${line}: ${detail}`);
  }
}

const GO_LINE = /^[ \t]*go(?:[ \t]+(\d+))?[ \t]*(?:--.*)?$/i;

type State = { kind: 'code' } | { kind: 'block'; depth: number } | { kind: 'string'; close: string };

export function splitBatches(script: string): SqlBatch[] {
  const lines = script.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const batches: SqlBatch[] = [];
  let current: string[] = [];
  let start = 1;
  let state = { kind: 'code' } as State;

  const flush = (repeat: number) => {
    const text = current.join('\n');
    if (text.trim() !== '') batches.push({ text, repeat, line: start });
    current = [];
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const go = state.kind === 'code' ? GO_LINE.exec(line) : null;
    if (go) {
      const repeat = go[1] === undefined ? 1 : Number(go[1]);
      if (repeat < 1) throw new ScriptSyntaxError(index + 1, `"${line.trim()}" needs a count of at least 1.`);
      flush(repeat);
      start = index + 2;
      continue;
    }
    if (current.length === 0 && line.trim() === '') {
      start = index + 2;
      continue;
    }
    current.push(line);
    state = scanLine(line, state);
  }
  const end = state as State;
  if (end.kind === 'block') throw new ScriptSyntaxError(lines.length, 'a /* comment is never closed.');
  if (end.kind === 'string') throw new ScriptSyntaxError(lines.length, `a ${end.close === "'" ? 'string' : 'quoted name'} is never closed.`);
  flush(1);
  return batches;
}

/** Where a line leaves the scanner: inside a block comment, a string, or in code (a line comment ends with it). */
function scanLine(line: string, entry: State): State {
  let state = entry;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    const next = line[i + 1];
    if (state.kind === 'block') {
      if (c === '/' && next === '*') {
        state = { kind: 'block', depth: state.depth + 1 };
        i++;
      } else if (c === '*' && next === '/') {
        state = state.depth === 1 ? { kind: 'code' } : { kind: 'block', depth: state.depth - 1 };
        i++;
      }
    } else if (state.kind === 'string') {
      if (c === state.close) {
        if (next === state.close) i++;
        else state = { kind: 'code' };
      }
    } else if (c === '-' && next === '-') {
      return state;
    } else if (c === '/' && next === '*') {
      state = { kind: 'block', depth: 1 };
      i++;
    } else if (c === "'") {
      state = { kind: 'string', close: "'" };
    } else if (c === '[') {
      state = { kind: 'string', close: ']' };
    } else if (c === '"') {
      state = { kind: 'string', close: '"' };
    }
  }
  return state;
}
