import { runCli } from './cli';
import { processIo } from './io';

runCli(process.argv.slice(2), processIo()).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`cdx-setup: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
