import path from 'node:path';
import type { CDPSession } from 'playwright-core';
import { WizardDriver } from '../../e2e/support/driver';
import { GOOD } from '../../e2e/support/entries';
import { STEPS } from '../../e2e/support/step-graph';
import { ARM_PAGE_CHANGE } from './page-change';
import { withConsoles } from './serve';

/**
 * What each page change of the walk to Ready to install costs, page by page: the time the bench measures, the
 * renderer's main-thread work in it (Chromium's Performance.getMetrics, ms) and what the page fetched meanwhile
 * (a view's chunk, an engine call). Not a figure of `npm run bench`: run it to find where a page change goes, as
 * docs/benchmarks.md tells. `WAIT=ms` lets the first page sit that long first (the views' preload done).
 *
 *   npm run build && node --import tsx bench/console/page-change-breakdown.ts
 */
const METRICS = ['ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskDuration'] as const;

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

const renderer = path.resolve(process.env.CDX_BENCH_RENDERER ?? 'dist/renderer');
await withConsoles([renderer], async (browser, [served]) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(r.url().replace(/^.*\//, '').replace(/\?.*/, '')));
  const w = new WizardDriver(page);
  await page.goto(served.url);
  await page.waitForTimeout(Number(process.env.WAIT ?? 0));
  let from = 0;
  for (let hops = 0; hops < STEPS.length * 2; hops++) {
    await w.heading().waitFor();
    const text = ((await w.heading().textContent()) ?? '').trim();
    if (text === 'Ready to install') break;
    const step = STEPS.filter((s) => s.heading === text).find((s) => STEPS.indexOf(s) >= from) ?? STEPS.find((s) => s.heading === text);
    if (!step) throw new Error(`No page object knows "${text}".`);
    from = STEPS.indexOf(step);
    await step.fill(w, GOOD);
    await page.getByRole('button', { name: 'Next', exact: true }).and(page.locator(':enabled')).waitFor();
    await page.evaluate(ARM_PAGE_CHANGE);
    fetched.length = 0;
    const before = await metrics(cdp);
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    const ms = (await page.evaluate('window.__pageChange')) as number;
    const after = await metrics(cdp);
    const work = METRICS.map((m) => `${m.replace('Duration', '')} ${((after[m] - before[m]) * 1000).toFixed(1)}`).join(', ');
    console.log(`${step.id.padEnd(30)} ${ms.toFixed(1).padStart(6)} ms | ${work} | fetched: ${fetched.join(', ') || 'nothing'}`);
  }
  await context.close();
});
