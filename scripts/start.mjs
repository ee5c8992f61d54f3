// npm start: the Electron wizard where its binary exists; otherwise the web console, on the rehearsal host when this
// computer is not Windows. Everything after `npm start --` is passed on to the console.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function electronBinary() {
  const dir = path.join('node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const extra = process.argv.slice(2);
const binary = electronBinary();
const run = (command, args) => {
  const child = spawn(command, args, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
};

if (binary) {
  run(binary, ['.', ...extra]);
} else {
  const rehearse = process.platform !== 'win32' && !extra.includes('--rehearsal');
  console.error(
    `The Electron binary is not available on this computer, so CDX Setup starts its web console instead${rehearse ? ' on the rehearsal host (this computer is not Windows)' : ''}: open the address below in a browser.`,
  );
  run(process.execPath, ['bin/cdx-setup.mjs', 'console', ...(rehearse ? ['--rehearsal'] : []), ...extra]);
}
