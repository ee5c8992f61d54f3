import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitBatches } from '../../electron/engine/database/go-splitter';
import { PAYLOAD_ROOT, samplePayload } from './support';

describe('the sample payload\'s message database scripts', () => {
  const { manifest } = samplePayload();

  it('lists every script once, in file order, and roles for both accounts', () => {
    const ids = manifest.database.scripts.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(manifest.database.roles.appPoolUser).toContain('db_datawriter');
    expect(manifest.database.roles.aosServiceUser.length).toBeGreaterThan(0);
  });

  it('splits each script into batches, the GO inside 020-packages\' comment included', () => {
    for (const script of manifest.database.scripts) {
      const batches = splitBatches(readFileSync(path.join(PAYLOAD_ROOT, script.path), 'utf8'));
      expect(batches.length, script.id).toBeGreaterThan(1);
      // Every script records its schema version last.
      expect(batches.at(-1)!.text, script.id).toMatch(/^INSERT INTO dbo\.SchemaVersion/);
    }
    const packages = splitBatches(readFileSync(path.join(PAYLOAD_ROOT, 'Database/020-packages.sql'), 'utf8'));
    expect(packages[0].text).toContain('GO\n   because sqlcmd');
  });

  it('creates the mark the engine and the rehearsal recognise', () => {
    const mark = readFileSync(path.join(PAYLOAD_ROOT, 'Database/090-message-database-mark.sql'), 'utf8');
    expect(mark).toMatch(/CREATE TABLE dbo\.MessageDatabase \(/);
    expect(mark).toMatch(/CREATE TABLE dbo\.MessageDatabaseInstance \(/);
  });
});
