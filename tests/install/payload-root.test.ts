import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedPayloadRoot } from '../../electron/engine/payload/default-payload';
import { loadPayload } from '../../electron/engine/payload/manifest';
import { packagedResourceEnv } from '../../electron/engine/packaged-resources';

describe('the shipped payload in the installed app (CDX_SETUP_PAYLOAD)', () => {
  it('is found in the resources folder the packaged app names, before the sources', async () => {
    const resources = mkdtempSync(path.join(os.tmpdir(), 'cdx-resources-'));
    cpSync('payload', path.join(resources, 'payload'), { recursive: true });
    const env = packagedResourceEnv(resources, {});
    const root = shippedPayloadRoot(env);
    expect(root).toBe(path.join(resources, 'payload', 'async-server'));
    expect((await loadPayload(root)).manifest.files.length).toBeGreaterThan(0);
  });

  it('accepts a variable that names the payload folder itself', () => {
    const own = path.resolve('payload/async-server');
    expect(shippedPayloadRoot({ CDX_SETUP_PAYLOAD: own })).toBe(own);
  });

  it('does not fall back to the sources when the variable names a folder without a payload', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'cdx-nopayload-'));
    const root = shippedPayloadRoot({ CDX_SETUP_PAYLOAD: empty });
    expect(root).toBe(empty);
    await expect(loadPayload(root)).rejects.toThrow(/manifest/);
  });
});
