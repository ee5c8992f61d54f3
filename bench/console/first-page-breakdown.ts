import path from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { median } from '../figure';
import { buildBareReact } from './bare-react';
import { withConsoles, type Served } from './serve';

/**
 * Where the first page's time goes, ours against the bare page, one navigation at a time and the median of several:
 * the document's redirect and response, each file and engine call (start → end, ms from navigation start), the first
 * paint, when the heading and an enabled Next first appear in the DOM, and the renderer's main-thread work
 * (Chromium's Performance.getMetrics, ms). Not a figure of `npm run bench`: run it to find where a first page goes,
 * as docs/benchmarks.md tells.
 *
 *   npm run build && node --import tsx bench/console/first-page-breakdown.ts [rounds]
 */
const ROUNDS = Number(process.argv[2] ?? 7);
const METRICS = ['ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskDuration'] as const;

/** Injected before the page's own scripts: notes the moment the heading and an enabled Next are both in the DOM. */
const WATCH_READY = `(() => {
  const check = () => {
    const next = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Next' && !b.disabled);
    if (next && document.querySelector('h1') && !window.__ready) {
      window.__ready = performance.now();
      requestAnimationFrame(() => setTimeout(() => (window.__painted = performance.now())));
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})()`;

interface Round {
  /** label → [start, end] in ms from the navigation's start. */
  spans: Map<string, [number, number]>;
  /** The bench's own measure: goto → Next enabled and heading shown, as seen by the driver. */
  driver: number;
  work: Record<string, number>;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

async function timeline(page: Page): Promise<Map<string, [number, number]>> {
  const entries = (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const rows = [
      ['redirect (303, token → cookie)', nav.redirectStart, nav.redirectEnd],
      ['document', nav.fetchStart, nav.responseEnd],
      ['DOMContentLoaded', nav.domContentLoadedEventStart, nav.domContentLoadedEventEnd],
      ['load event', nav.loadEventStart, nav.loadEventEnd],
    ];
    for (const r of performance.getEntriesByType('resource')) rows.push([r.name.replace(/^.*\\//, '').replace(/-[A-Za-z0-9_-]{8}\\./, '.'), r.startTime, r.responseEnd]);
    for (const p of performance.getEntriesByType('paint')) rows.push([p.name, p.startTime, p.startTime]);
    rows.push(['heading + enabled Next in the DOM', window.__ready, window.__ready]);
    rows.push(['… and the frame after it painted', window.__painted, window.__painted]);
    return rows;
  })()`)) as [string, number, number][];
  return new Map(entries.map(([label, start, end]) => [label, [start, end]]));
}

async function oneRound(browser: Browser, served: Served, heading: string): Promise<Round> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(WATCH_READY);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const before = await metrics(cdp);
  const start = performance.now();
  await page.goto(served.url);
  await page.getByRole('button', { name: 'Next', exact: true }).and(page.locator(':enabled')).waitFor();
  await page.locator(heading).first().waitFor();
  const driver = performance.now() - start;
  const after = await metrics(cdp);
  await page.waitForFunction('window.__painted !== undefined');
  const spans = await timeline(page);
  await context.close();
  return { spans, driver, work: Object.fromEntries(METRICS.map((m) => [m, (after[m] - before[m]) * 1000])) };
}

function print(name: string, rounds: Round[]) {
  const fmt = (n: number) => n.toFixed(0).padStart(5);
  console.log(`\n${name} (median of ${rounds.length})`);
  console.log(`  driver: goto → Next enabled and heading shown  ${fmt(median(rounds.map((r) => r.driver)))} ms`);
  const labels = [...rounds[0].spans.keys()];
  const rows = labels.map((label) => {
    const spans = rounds.map((r) => r.spans.get(label)).filter((s): s is [number, number] => s !== undefined);
    return { label, start: median(spans.map((s) => s[0])), end: median(spans.map((s) => s[1])) };
  });
  for (const r of rows.sort((a, b) => a.start - b.start)) console.log(`  ${r.label.padEnd(44)} ${fmt(r.start)} → ${fmt(r.end)} ms`);
  if (process.env.EACH) for (const label of labels) console.log(`  ${label.padEnd(44)} ${rounds.map((r) => r.spans.get(label)?.map((n) => n.toFixed(0)).join('→')).join(' ')}`);
  console.log(`  main thread: ${METRICS.map((m) => `${m.replace('Duration', '')} ${median(rounds.map((r) => r.work[m])).toFixed(1)}`).join(', ')} ms`);
}

const ours = path.resolve(process.env.CDX_BENCH_RENDERER ?? 'dist/renderer');
const bare = await buildBareReact();
await withConsoles([ours, bare], async (browser, [oursServed, bareServed]) => {
  const targets = [
    { name: 'ours', served: oursServed, heading: 'h1#page-heading', rounds: [] as Round[] },
    { name: 'bare Vite + React', served: bareServed, heading: 'h1', rounds: [] as Round[] },
  ];
  for (let round = 0; round < ROUNDS + 1; round++) {
    for (const t of round % 2 === 0 ? targets : [...targets].reverse()) {
      const r = await oneRound(browser, t.served, t.heading);
      if (round > 0) t.rounds.push(r);
    }
  }
  for (const t of targets) print(t.name, t.rounds);
});
