// Bundles the engine's front doors: the CLI, the Electron main process and the preload, all CommonJS: the preload
// because Electron's sandbox requires it, the CLI because the installed product runs it from inside app.asar with
// the app's own Node (ELECTRON_RUN_AS_NODE), where CommonJS loading is asar-aware (docs/packaging.md).
// npm packages stay external and load from node_modules.
import { build } from 'esbuild';
import { cpSync, readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { 'process.env.CDX_SETUP_VERSION': JSON.stringify(version) },
};

await Promise.all([
  // moduleDir() falls back to __dirname where import.meta is empty, as it is in CommonJS.
  build({ ...common, entryPoints: ['electron/cli/main.ts'], outfile: 'dist/cli.cjs', format: 'cjs', logOverride: { 'empty-import-meta': 'silent' } }),
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external: ['electron'], logOverride: { 'empty-import-meta': 'silent' } }),
  // The sandboxed preload can require only 'electron': everything else is bundled in.
  build({ ...common, packages: undefined, minify: true, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] }),
]);

rmSync('dist/scenarios', { recursive: true, force: true });
cpSync('electron/engine/hosts/rehearsal/scenarios', 'dist/scenarios', { recursive: true });
// The sample payload travels with the bundles (and so into the packed app), for WebApplicationServiceBinarySourceFolder left empty.
rmSync('dist/payload', { recursive: true, force: true });
cpSync('payload', 'dist/payload', { recursive: true });
