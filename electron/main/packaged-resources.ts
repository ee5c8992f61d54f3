import path from 'node:path';

/**
 * In an installed app the rehearsal scenarios and the sample payload are extra resources beside app.asar (so that
 * admins can read and copy them); the engine finds them through these variables unless the user set them.
 */
export function packagedResourceEnv(isPackaged: boolean, resourcesPath: string, env: NodeJS.ProcessEnv): Record<string, string> {
  if (!isPackaged) return {};
  const found: Record<string, string> = {};
  if (!env.CDX_SETUP_SCENARIOS) found.CDX_SETUP_SCENARIOS = path.join(resourcesPath, 'scenarios');
  if (!env.CDX_SETUP_PAYLOAD) found.CDX_SETUP_PAYLOAD = path.join(resourcesPath, 'payload');
  return found;
}
