import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedPayloadRoot } from '../../electron/engine/payload/default-payload';
import { loadPayload } from '../../electron/engine/payload/manifest';

describe('the shipped sample payload', () => {
  it('is found from the sources, and its manifest matches its files byte for byte', async () => {
    const root = shippedPayloadRoot({});
    expect(root).toBe(path.resolve('payload/async-server'));
    const { manifest } = await loadPayload(root);
    expect(manifest.files.length).toBeGreaterThan(0);
    for (const f of manifest.files) {
      const full = path.join(root, ...f.path.split('/'));
      expect(statSync(full).size, f.path).toBe(f.size);
      expect(createHash('sha256').update(readFileSync(full)).digest('hex'), f.path).toBe(f.sha256);
      expect(readFileSync(full, 'utf8'), f.path).toMatch(/SAMPLE PAYLOAD/);
    }
    expect(manifest.saltUtility.files).toEqual(['RetailSaltUtility/RetailSaltUtility.exe', 'RetailSaltUtility/RetailSaltUtility.exe.config']);
  });
});
