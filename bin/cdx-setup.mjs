#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// The same CommonJS bundle the installed product runs with its own Node (build/win/bin/cdx-setup.cmd).
const bundle = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('cdx-setup is not built yet: run npm run build (npm start and npm test build it for you).\n');
  process.exit(1);
}
createRequire(import.meta.url)(bundle);
