import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../../electron/engine/diagnostics/zip';

/** The archive read by the two unzippers support is most likely to meet first: Info-ZIP's unzip and Python's zipfile. */
function python(zip: string, script: string): string {
  const result = spawnSync('python3', ['-c', script, zip], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

describe('the ZIP writer', () => {
  const when = new Date(2026, 5, 15, 13, 45, 30);
  const binary = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256));
  const entries = [
    { name: 'SUMMARY.txt', data: Buffer.from('CDX Setup support bundle\r\n'), time: when },
    { name: 'logs/cdx-setup-é-ünïcode.log', data: Buffer.from('é'.repeat(5000)), time: when },
    { name: 'empty.txt', data: Buffer.alloc(0), time: when },
    { name: 'data/binary.bin', data: binary, time: when },
  ];
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cdx-zip-')), 'bundle.zip');
  writeFileSync(file, writeZip(entries));

  it('passes unzip -t, and unzip gives back every file byte for byte', () => {
    const test = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(test.stdout).toContain('No errors detected');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cdx-unzip-'));
    expect(spawnSync('unzip', ['-q', file, '-d', dir]).status).toBe(0);
    for (const e of entries) expect(readFileSync(path.join(dir, e.name)).equals(e.data), e.name).toBe(true);
  });

  it('reads in Python\'s zipfile in order, with UTF-8 names, deflated, with the time of each file', () => {
    const out = python(
      file,
      `import sys, zipfile, json
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps([[i.filename, i.compress_type, list(i.date_time), len(z.read(i))] for i in z.infolist()]))`,
    );
    expect(JSON.parse(out)).toEqual([
      ['SUMMARY.txt', 8, [2026, 6, 15, 13, 45, 30], 26],
      ['logs/cdx-setup-é-ünïcode.log', 8, [2026, 6, 15, 13, 45, 30], 10000],
      ['empty.txt', 8, [2026, 6, 15, 13, 45, 30], 0],
      ['data/binary.bin', 8, [2026, 6, 15, 13, 45, 30], 70000],
    ]);
  });

  it('refuses names that would land outside the folder it is unpacked in, and a name twice', () => {
    for (const name of ['../evil.txt', '/etc/passwd', 'a/../../b', '']) expect(() => writeZip([{ name, data: Buffer.alloc(1), time: when }])).toThrow(/not a relative path/);
    expect(() => writeZip([entries[0], entries[0]])).toThrow(/twice/);
  });
});
