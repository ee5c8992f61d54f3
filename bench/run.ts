import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchFigure, BenchModule } from './figure';

/** `npm run bench`: every bench/*.bench.ts, each figure printed as a ratio against its baseline. */
const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

// Figures from a busy machine mean less: the load average before and after says how busy it was.
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(', ');
const loadBefore = load();
const rows: BenchFigure[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { default: BenchModule };
  process.stderr.write(`… ${mod.default.title}\n`);
  rows.push(...(await mod.default.run()));
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));
console.log('');
console.log(['figure', 'measured', 'baseline (same run)', 'ratio', 'aim', ''].join(' | '));
console.log('--- | --- | --- | --- | --- | ---');
for (const r of rows) {
  console.log([r.name, `${fmt(r.value)} ${r.unit}`, `${r.baselineName}: ${fmt(r.baseline)} ${r.unit}`, r.ratio.toFixed(2), r.aim, r.met ? 'met' : 'NOT MET'].join(' | '));
}
console.log('');
console.log(`load average (1, 5, 15 min): ${loadBefore} before, ${load()} after, on ${os.cpus().length} cores`);
