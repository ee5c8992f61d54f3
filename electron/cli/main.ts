import { runCli } from './cli';
import { processIo } from './io';
import { moduleDir } from '../engine/module-dir';
import { packagedResourceEnv, resourcesOfBundle } from '../engine/packaged-resources';

// Installed, the CLI runs from app.asar (bin\cdx-setup.cmd): it finds the scenarios and payload as the wizard does.
Object.assign(process.env, packagedResourceEnv(resourcesOfBundle(moduleDir(import.meta.url)), process.env));

runCli(process.argv.slice(2), processIo()).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`cdx-setup: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
