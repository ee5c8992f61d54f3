import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSettingsFile, parseSettingsBytes, type LoadedSettingsFile } from '../../electron/engine/settings-files/load';
import { encodeForWindows, writeSettingsXml } from '../../electron/engine/settings-files/write';
import { PARAMETER_NAMES } from '../../shared/components/async-server/parameters';
import { fixture } from './helpers';

function rewrite(loaded: LoadedSettingsFile): LoadedSettingsFile {
  const values = Object.fromEntries(Object.entries(loaded.written).map(([k, e]) => [k, e.value]));
  const bytes = encodeForWindows(writeSettingsXml({ values, choices: loaded.choices, comments: loaded.comments }));
  return parseSettingsBytes(bytes, 'rewritten.xml');
}

describe('round trip', () => {
  it.each(['attribute-shape.xml', 'element-shape.xml', 'with-choices.xml', 'notepad-unicode-le.xml', 'ax-setup-parameters.txt'])(
    '%s keeps every value, choice and comment when written in the canonical shape and read again',
    async (name) => {
      const original = await loadSettingsFile(fixture(name));
      const again = rewrite(original);
      expect(again.problems).toEqual([]);
      expect(again.settings).toEqual(original.settings);
      expect(again.choices).toEqual(original.choices);
      expect(again.comments).toEqual(original.comments);
      // Written once more, the file does not change: the header is not piled up, nothing drifts.
      const values = Object.fromEntries(Object.entries(again.written).map(([k, e]) => [k, e.value]));
      const twice = writeSettingsXml({ values, choices: again.choices, comments: again.comments });
      const onceValues = Object.fromEntries(Object.entries(original.written).map(([k, e]) => [k, e.value]));
      expect(twice).toBe(writeSettingsXml({ values: onceValues, choices: original.choices, comments: original.comments }));
    },
  );

  it('writes one canonical shape: every parameter in the guide\'s order, UTF-8 with BOM, CRLF', async () => {
    const bytes = encodeForWindows(writeSettingsXml({ values: { WebSiteHttpsPort: '8443' } }));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n').length).toBeGreaterThan(20);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const keys = [...text.matchAll(/<Setting key="([^"]+)"/g)].map((m) => m[1]);
    expect(keys).toEqual([...PARAMETER_NAMES]);
    expect(text).toContain('No password is stored in this file');
    expect(text).toContain('--credential-file');
    expect(text).toContain('CDX_SETUP_PASSWORD');
  });

  it('keeps values with XML special characters, spaces and line breaks exactly', () => {
    const tricky = 'A&B <C> "D" \'E\'\tF\nG';
    const again = parseSettingsBytes(encodeForWindows(writeSettingsXml({ values: { AppPoolName: tricky, WebSiteName: '  spaced  ' } })), 'x.xml');
    expect(again.written.AppPoolName?.value).toBe(tricky);
    expect(again.written.WebSiteName?.value).toBe('  spaced  ');
  });

  it('writes a comment that holds "--" safely', () => {
    const text = writeSettingsXml({ values: {}, comments: [{ before: null, text: ' a -- b -' }] });
    const again = parseSettingsBytes(Buffer.from(text), 'x.xml');
    expect(again.problems).toEqual([]);
    expect(again.comments[0].text).toContain('a - - b');
  });

  it('converting a file leaves the original untouched', async () => {
    const before = readFileSync(fixture('element-shape.xml'));
    rewrite(await loadSettingsFile(fixture('element-shape.xml')));
    expect(readFileSync(fixture('element-shape.xml'))).toEqual(before);
  });
});
