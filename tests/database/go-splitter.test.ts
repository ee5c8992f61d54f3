import { describe, expect, it } from 'vitest';
import { ScriptSyntaxError, splitBatches } from '../../electron/engine/database/go-splitter';

const texts = (script: string) => splitBatches(script).map((b) => b.text.trim());

describe('splitBatches (sqlcmd GO lines)', () => {
  it('splits on GO alone on its line, in any case, with blanks around it', () => {
    expect(texts('SELECT 1\nGO\nSELECT 2\n  go  \nSELECT 3\n\tGo\t\nSELECT 4')).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3', 'SELECT 4']);
  });

  it('reads a repeat count and a trailing line comment', () => {
    const batches = splitBatches('INSERT t DEFAULT VALUES\nGO 3\nSELECT 1\nGO -- done');
    expect(batches.map((b) => [b.text, b.repeat])).toEqual([
      ['INSERT t DEFAULT VALUES', 3],
      ['SELECT 1', 1],
    ]);
  });

  it('refuses GO 0 and names the line', () => {
    expect(() => splitBatches('SELECT 1\nGO 0')).toThrow(ScriptSyntaxError);
    expect(() => splitBatches('SELECT 1\nGO 0')).toThrow(/line 2/);
  });

  it('handles CRLF and a byte order mark', () => {
    expect(texts('\uFEFFSELECT 1\r\nGO\r\nSELECT 2\r\nGO\r\n')).toEqual(['SELECT 1', 'SELECT 2']);
  });

  it('does not split inside a string, even over several lines', () => {
    const script = "INSERT t VALUES (N'first\nGO\nstill the string ''quoted''\n')\nGO\nSELECT 2";
    expect(texts(script)).toEqual(["INSERT t VALUES (N'first\nGO\nstill the string ''quoted''\n')", 'SELECT 2']);
  });

  it('does not split inside block comments, nested ones included', () => {
    const script = 'SELECT 1 /* outer\n/* inner\nGO\n*/ still outer\nGO\n*/\nGO\nSELECT 2';
    expect(texts(script)).toEqual(['SELECT 1 /* outer\n/* inner\nGO\n*/ still outer\nGO\n*/', 'SELECT 2']);
  });

  it('ends a line comment at the line end, and a GO in one is text', () => {
    expect(texts("SELECT 1 -- GO /* not a comment start\nGO\nSELECT '--'\nGO")).toEqual(['SELECT 1 -- GO /* not a comment start', "SELECT '--'"]);
  });

  it('does not split inside quoted identifiers', () => {
    expect(texts('CREATE TABLE [a\nGO\n]] b] (x int)\nGO\nSELECT "x\nGO\n"')).toEqual(['CREATE TABLE [a\nGO\n]] b] (x int)', 'SELECT "x\nGO\n"']);
  });

  it('keeps GO that is part of a word or followed by other text', () => {
    expect(texts('GOTO label\nGO\nSELECT 1 AS go\nGOAL\nGO x\nGO')).toEqual(['GOTO label', 'SELECT 1 AS go\nGOAL\nGO x']);
  });

  it('drops empty batches and records the line each batch starts on', () => {
    const batches = splitBatches('\n\nSELECT 1\nGO\nGO\n\n  \nSELECT 2\nGO');
    expect(batches.map((b) => [b.text, b.line])).toEqual([
      ['SELECT 1', 3],
      ['SELECT 2', 8],
    ]);
  });

  it('reports a comment or string left open', () => {
    expect(() => splitBatches('SELECT 1 /* open\nGO')).toThrow(/never closed/);
    expect(() => splitBatches("SELECT 'open\nGO")).toThrow(/string is never closed/);
  });
});
