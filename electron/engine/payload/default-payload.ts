import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ComponentId } from '../../../shared/components/ids';
import { firstExisting, moduleDir } from '../module-dir';

const hasManifest = (p: string) => existsSync(path.join(p, 'manifest.json'));

/**
 * The sample payload shipped with the tool, used when WebApplicationServiceBinarySourceFolder is empty. First
 * CDX_SETUP_PAYLOAD: the installed app sets it to its resources' `payload` folder (electron/engine/packaged-resources.ts),
 * which holds `async-server/`, so either that folder or the payload folder itself is accepted. Then the sources
 * (electron/engine/payload), or the copy the build puts in dist/payload beside the CLI bundle (dist/) and the
 * Electron bundle (dist/electron/).
 */
export function shippedPayloadRoot(env: Record<string, string | undefined> = process.env, component: ComponentId = 'async-server'): string {
  if (env.CDX_SETUP_PAYLOAD) {
    // CDX_SETUP_PAYLOAD may name one component's payload folder itself (the tests' copies): that is Async Server's.
    const candidates = component === 'async-server' ? ['.', component] : [component];
    return firstExisting(path.resolve(env.CDX_SETUP_PAYLOAD), candidates, hasManifest);
  }
  return firstExisting(moduleDir(import.meta.url), [`../../../payload/${component}`, `payload/${component}`, `../payload/${component}`], hasManifest);
}
