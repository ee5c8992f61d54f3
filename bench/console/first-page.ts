import type { Browser, CDPSession } from 'playwright-core';
import type { Served } from './serve';

export interface FirstPageTarget {
  served: Served;
  /** The page's heading, once shown. */
  heading: string;
}

export interface FirstPageTimes {
  /** Navigation → heading shown and Next enabled, as the driver sees it (ms). */
  wall: number[];
  /** The renderer's main-thread time in the same span (Chromium's Performance.getMetrics TaskDuration, thread ticks, ms). */
  mainThread: number[];
}

async function taskDuration(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/**
 * Navigation to an interactive first page (heading shown, Next enabled), each build in a fresh browser context,
 * taking turns (and turns at going first) so that a busy minute on the machine weighs on both alike. The first round
 * warms the servers' file caches and Chromium's process pool: not counted. Beside the wall time, the renderer's
 * main-thread time, which other programs on the machine disturb far less.
 */
export async function timeFirstPages(browser: Browser, targets: FirstPageTarget[], rounds: number): Promise<FirstPageTimes[]> {
  const times = targets.map((): FirstPageTimes => ({ wall: [], mainThread: [] }));
  for (let round = 0; round < rounds + 1; round++) {
    const order = round % 2 === 0 ? targets.map((_t, i) => i) : targets.map((_t, i) => targets.length - 1 - i);
    for (const i of order) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      const before = await taskDuration(cdp);
      const start = performance.now();
      await page.goto(targets[i].served.url);
      await page.getByRole('button', { name: 'Next', exact: true }).and(page.locator(':enabled')).waitFor();
      await page.locator(targets[i].heading).first().waitFor();
      const wall = performance.now() - start;
      if (round > 0) {
        times[i].wall.push(wall);
        times[i].mainThread.push((await taskDuration(cdp)) - before);
      }
      await context.close();
    }
  }
  return times;
}
