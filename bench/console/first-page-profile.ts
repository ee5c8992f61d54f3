import path from 'node:path';
import { buildBareReact } from './bare-react';
import { withConsoles } from './serve';

/**
 * Which functions the first page's main thread runs longest, by Chromium's sampling profiler (CDP `Profiler`), summed
 * over several navigations: self time by function, and total time (self and callees) for functions named like React
 * components. Not a figure of `npm run bench`: run it on an unminified build to find what a first page spends its
 * main thread on (docs/benchmarks.md):
 *
 *   npx vite build --minify false --outDir ../dist/renderer-profile && \
 *     CDX_BENCH_RENDERER=dist/renderer-profile node --import tsx bench/console/first-page-profile.ts [rounds]
 *
 * CALLERS=<regular expression> also prints the chains of callers through which those functions' self time came;
 * BARE=1 profiles the bare Vite + React page instead. Self time includes what the browser did inside a call: a
 * `focus()` that forces style and layout shows that layout as the caller's.
 */
const ROUNDS = Number(process.argv[2] ?? 5);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`;

const self = new Map<string, number>();
/** For the functions given in CALLERS (a regular expression), the chains of callers their self time came through. */
const callers = new Map<string, number>();
const CALLERS = process.env.CALLERS ? new RegExp(process.env.CALLERS) : null;
const total = new Map<string, number>();
function add(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = byId.get(id)!;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + ms);
    if (CALLERS?.test(name(leaf))) {
      const chain: string[] = [];
      for (let at = parent.get(id); at !== undefined && chain.length < 6; at = parent.get(at)) chain.push(name(byId.get(at)!));
      const key = `${name(leaf)} ← ${chain.join(' ← ')}`;
      callers.set(key, (callers.get(key) ?? 0) + ms);
    }
    // Each component once per sample, however deep it recurses.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at)!;
      if (/^[A-Z]/.test(n.callFrame.functionName) && !seen.has(name(n))) {
        seen.add(name(n));
        total.set(name(n), (total.get(name(n)) ?? 0) + ms);
      }
    }
  });
}

const ours = process.env.BARE ? await buildBareReact() : path.resolve(process.env.CDX_BENCH_RENDERER ?? 'dist/renderer');
await withConsoles([ours], async (browser, [served]) => {
  for (let round = 0; round < ROUNDS + 1; round++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(served.url);
    await page.getByRole('button', { name: 'Next', exact: true }).and(page.locator(':enabled')).waitFor();
    await page.waitForTimeout(200);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    if (round > 0) add(profile);
    await context.close();
  }
});
const top = (m: Map<string, number>, n: number) =>
  [...m].filter(([k]) => !/^\((idle|program|garbage collector)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${(v / ROUNDS).toFixed(1).padStart(6)} ms  ${k}`).join('\n');
console.log(`Self time, ms per navigation (mean of ${ROUNDS}):\n${top(self, 40)}`);
if (CALLERS) console.log(`\nCallers:\n${top(callers, 15)}`);
console.log(`\nComponents (capitalised functions), self and callees, ms per navigation:\n${top(total, 50)}`);
