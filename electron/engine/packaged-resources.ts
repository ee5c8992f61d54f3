import path from 'node:path';

/**
 * In an installed app the rehearsal scenarios and the sample payload are extra resources beside app.asar (so that
 * admins can read and copy them); the engine finds them, and the product's own folder, through these variables unless
 * the user set them.
 * `resourcesPath` is null when running from a checkout.
 */
export function packagedResourceEnv(resourcesPath: string | null, env: NodeJS.ProcessEnv): Record<string, string> {
  if (!resourcesPath) return {};
  const found: Record<string, string> = {};
  if (!env.CDX_SETUP_SCENARIOS) found.CDX_SETUP_SCENARIOS = path.join(resourcesPath, 'scenarios');
  if (!env.CDX_SETUP_PAYLOAD) found.CDX_SETUP_PAYLOAD = path.join(resourcesPath, 'payload');
  // The folder of cdx-setup.exe and bin\, for the uninstall string of Programs and Features entries.
  if (!env.CDX_SETUP_INSTALL_DIR) found.CDX_SETUP_INSTALL_DIR = path.dirname(resourcesPath);
  return found;
}

/**
 * The resources folder of an installed app when the bundle runs from inside its app.asar (`resources/app.asar/dist`),
 * as the CLI does when bin\cdx-setup.cmd starts it; null in a checkout.
 */
export function resourcesOfBundle(bundleDir: string): string | null {
  const asar = path.dirname(bundleDir);
  if (path.basename(bundleDir) !== 'dist' || path.basename(asar).toLowerCase() !== 'app.asar') return null;
  return path.dirname(asar);
}
