import type { Browser } from 'playwright-core';
import type { Served } from './serve';

export interface FirstPageTarget {
  served: Served;
  /** The page's heading, once shown. */
  heading: string;
}

/**
 * Navigation to an interactive first page (heading shown, Next enabled), each build in a fresh browser context,
 * taking turns (and turns at going first) so that a busy minute on the machine weighs on both alike. The first round
 * warms the servers' file caches and Chromium's process pool: not counted.
 */
export async function timeFirstPages(browser: Browser, targets: FirstPageTarget[], rounds: number): Promise<number[][]> {
  const times = targets.map((): number[] => []);
  for (let round = 0; round < rounds + 1; round++) {
    const order = round % 2 === 0 ? targets.map((_t, i) => i) : targets.map((_t, i) => targets.length - 1 - i);
    for (const i of order) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(targets[i].served.url);
      await page.getByRole('button', { name: 'Next', exact: true }).and(page.locator(':enabled')).waitFor();
      await page.locator(targets[i].heading).first().waitFor();
      if (round > 0) times[i].push(performance.now() - start);
      await context.close();
    }
  }
  return times;
}
