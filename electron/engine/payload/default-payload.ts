import { existsSync } from 'node:fs';
import path from 'node:path';
import { firstExisting, moduleDir } from '../module-dir';

/**
 * The sample payload shipped with the tool, used when WebApplicationServiceBinarySourceFolder is empty: from the
 * sources (electron/engine/payload), or the copy the build puts in dist/payload beside the CLI bundle (dist/) and
 * the Electron bundle (dist/electron/).
 */
export function shippedPayloadRoot(env: Record<string, string | undefined> = process.env): string {
  if (env.CDX_SETUP_PAYLOAD) return path.resolve(env.CDX_SETUP_PAYLOAD);
  return firstExisting(moduleDir(import.meta.url), ['../../../payload/async-server', 'payload/async-server', '../payload/async-server'], (p) =>
    existsSync(path.join(p, 'manifest.json')),
  );
}
