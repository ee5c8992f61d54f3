import { spawn } from 'node:child_process';
import path from 'node:path';
import { pwshPath, scriptDomPath } from './windows-tools';

export interface TsqlToParse {
  id: string;
  text: string;
}

export interface TsqlParseError {
  line: number;
  column: number;
  message: string;
}

export interface TsqlParseResult {
  id: string;
  /** The length of the text the parser received (UTF-16 code units, as in JavaScript). */
  chars: number;
  /** Statements the parser found across the text's batches. */
  statements: number;
  errors: TsqlParseError[];
}

const SCRIPT = path.resolve('tests/support/tsql-parse.ps1');

/**
 * Parses every text with ScriptDom's TSql110Parser (SQL Server 2012) in one pwsh process: starting PowerShell and
 * loading the assembly costs about a second, parsing a statement a fraction of a millisecond.
 */
export async function parseTsql(items: TsqlToParse[]): Promise<TsqlParseResult[]> {
  const child = spawn(pwshPath(), ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', SCRIPT, '-ScriptDom', scriptDomPath()], { stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  const exit = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  child.stdin.on('error', () => undefined); // an early exit is reported below, with pwsh's own stderr
  child.stdin.end(JSON.stringify(items), 'utf8');
  const code = await exit;
  const stdout = Buffer.concat(out).toString('utf8').trim();
  if (code !== 0 || stdout === '') throw new Error(`The ScriptDom parse in pwsh failed (exit ${code}): ${Buffer.concat(err).toString('utf8').trim()}`);
  const results = JSON.parse(stdout) as TsqlParseResult[];
  if (results.length !== items.length) throw new Error(`ScriptDom returned ${results.length} results for ${items.length} texts.`);
  return results;
}

/** "id (line 1, column 7): Incorrect syntax near '1'." for each error, so a failing test says where. */
export function describeParseErrors(results: TsqlParseResult[]): string[] {
  return results.flatMap((r) => r.errors.map((e) => `${r.id} (line ${e.line}, column ${e.column}): ${e.message}`));
}
