#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('cdx-setup is not built yet: run npm run build (npm start and npm test build it for you).\n');
  process.exit(1);
}
await import(bundle.href);
