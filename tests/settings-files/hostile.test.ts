import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SETTINGS_FILE_BYTES } from '../../shared/contract/methods/settings-files';
import { loadSettingsFile, parseSettingsBytes } from '../../electron/engine/settings-files/load';
import { fixture, tempDir } from './helpers';

/** What every refused file has in common: one error with the file, and only the guide's defaults as settings. */
async function refused(name: string) {
  const loaded = await loadSettingsFile(fixture(name));
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  expect(loaded.written).toEqual({});
  return errors;
}

describe('hostile and broken files', () => {
  it('refuses an external entity (XXE) without reading what it points to', async () => {
    const [error] = await refused('xxe-system.xml');
    expect(error).toMatchObject({ file: fixture('xxe-system.xml'), line: 2, message: expect.stringContaining('<!DOCTYPE>') });
    expect(JSON.stringify(error)).not.toContain('root:');
  });

  it('refuses the billion laughs at once', async () => {
    const started = performance.now();
    const [error] = await refused('billion-laughs.xml');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.line).toBe(2);
  });

  it('refuses a DOCTYPE even after comments, in any case', () => {
    const loaded = parseSettingsBytes(Buffer.from('<!-- a -->\n<!doctype Settings>\n<Settings/>'), 'x.xml');
    expect(loaded.problems).toMatchObject([{ line: 2, severity: 'error' }]);
  });

  it('refuses an oversize file by its size', async () => {
    const file = path.join(tempDir(), 'huge.xml');
    writeFileSync(file, `<Settings>${'<!-- padding -->'.repeat(MAX_SETTINGS_FILE_BYTES / 8)}</Settings>`);
    const [error] = await refused(file);
    expect(error.message).toMatch(/bytes long.*refused without being read/);
  });

  it('reports binary junk, a truncated file and a mismatched tag with their lines', async () => {
    expect((await refused('binary-junk.bin'))[0]).toMatchObject({ line: 1, message: expect.stringContaining('is not valid UTF-8 text') });
    expect((await refused('truncated.xml'))[0]).toMatchObject({ line: 4, message: expect.stringContaining('may be cut short') });
    expect((await refused('not-well-formed.xml'))[0]).toMatchObject({ line: 5, message: expect.stringContaining("Expected closing tag 'Setting'") });
    expect((await refused('empty.xml'))[0].message).toContain('is empty');
  });

  it('reports control characters in otherwise valid UTF-8 on their line', () => {
    const loaded = parseSettingsBytes(Buffer.from('<Settings>\n<Setting key="AppPoolName" value="A\u0001"/>\n</Settings>'), 'x.xml');
    expect(loaded.problems).toMatchObject([{ line: 2, message: expect.stringContaining('U+0001') }]);
  });

  it('reports a UTF-16 file cut in the middle of a character', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<Settings/>', 'utf16le').subarray(0, 21)]);
    expect(parseSettingsBytes(bytes, 'x.xml').problems).toMatchObject([{ severity: 'error', message: expect.stringContaining('cut short') }]);
  });

  it('reports a file that cannot be read at all', async () => {
    const loaded = await loadSettingsFile(path.join(tempDir(), 'missing.xml'));
    expect(loaded.problems).toMatchObject([{ severity: 'error', message: 'cannot be read: ENOENT.' }]);
  });
});
