import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildBareReact } from './console/bare-react';
import { timeFirstPages } from './console/first-page';
import { timePageChanges } from './console/page-change';
import { withConsoles } from './console/serve';
import { figure, median, type BenchFigure, type BenchModule } from './figure';

const RUNS = 7;
/** Walks to Ready to install: 8 page changes the first time (with the support files page), 7 after. */
const WALKS = 3;

function gzippedJs(dir: string): number {
  const assets = path.join(dir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(path.join(assets, f)), { level: 9 }).length, 0);
}

const bench: BenchModule = {
  title: 'Console: first page, page changes and renderer size, against a bare Vite + React page',
  async run(): Promise<BenchFigure[]> {
    const bare = await buildBareReact();
    const ours = path.resolve(process.env.CDX_BENCH_RENDERER ?? 'dist/renderer');
    const [[ourFirst, bareFirst], [ourChanges, bareChanges]] = await withConsoles([ours, bare], async (browser, [oursServed, bareServed]) => [
      await timeFirstPages(browser, [{ served: oursServed, heading: 'h1#page-heading' }, { served: bareServed, heading: 'h1' }], RUNS),
      await timePageChanges(browser, oursServed, bareServed, WALKS),
    ]);
    const ourSize = gzippedJs(ours) / 1024;
    const bareSize = gzippedJs(bare) / 1024;
    return [
      figure({
        name: `navigation → interactive first page (median of ${RUNS})`,
        value: median(ourFirst.wall),
        baseline: median(bareFirst.wall),
        unit: 'ms',
        baselineName: 'bare Vite + React',
        aim: '≤ 1.3',
        best: 'lower',
        target: 1.3,
      }),
      figure({
        name: `main-thread time to the interactive first page (median of ${RUNS}, same navigations)`,
        value: median(ourFirst.mainThread),
        baseline: median(bareFirst.mainThread),
        unit: 'ms',
        baselineName: 'bare Vite + React',
        aim: 'reported (load disturbs it less than the wall time)',
        best: 'lower',
        target: Number.POSITIVE_INFINITY,
      }),
      figure({
        name: `Next → next page interactive (median of ${ourChanges.length}, ${WALKS} walks to Ready to install)`,
        value: median(ourChanges),
        baseline: median(bareChanges),
        unit: 'ms',
        baselineName: 'bare page, route change',
        aim: '≤ 1.5',
        best: 'lower',
        target: 1.5,
      }),
      {
        name: 'renderer JavaScript, gzipped',
        value: ourSize,
        baseline: bareSize,
        unit: 'KB',
        baselineName: 'bare Vite + React',
        ratio: ourSize / bareSize,
        aim: '≤ 250 KB',
        met: ourSize <= 250,
      },
    ];
  },
};

export default bench;
