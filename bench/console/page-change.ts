import type { Browser, Page } from 'playwright-core';
import { WizardDriver } from '../../e2e/support/driver';
import { GOOD } from '../../e2e/support/entries';
import { STEPS } from '../../e2e/support/step-graph';
import type { Served } from './serve';

/** The Suspense fallback of a page whose view has not loaded yet: such a page is not interactive. */
const LOADING = 'Loading the page…';

/**
 * Arms the page to time the next click on Next: from the click event to the frame painted with another heading,
 * focused (the wizard moves focus to it), and the page's own view in place (not the Suspense fallback). Measured
 * inside the page, so that the driver's polling does not count. A string, so that no bundler helper leaks into it.
 */
export const ARM_PAGE_CHANGE = `(() => {
  const before = document.querySelector('h1')?.textContent ?? '';
  window.__pageChange = new Promise((resolve) => {
    let clickedAt = -1;
    addEventListener('click', (e) => { clickedAt = e.timeStamp; }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      const h1 = document.querySelector('h1');
      const arrived = clickedAt >= 0 && h1 !== null && h1.textContent !== before && document.activeElement === h1 && !(document.body.textContent ?? '').includes(${JSON.stringify(LOADING)});
      if (!arrived) return;
      observer.disconnect();
      // After the next frame's rendering: the page is on screen, not only in the DOM.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - clickedAt);
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    setTimeout(() => resolve(-1), 30000);
  });
})()`;

async function timedNext(page: Page): Promise<number> {
  await page.evaluate(ARM_PAGE_CHANGE);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  const ms = (await page.evaluate('window.__pageChange')) as number;
  if (ms < 0) throw new Error(`Next did not bring another page, focused and loaded, within 30 s (still on "${await page.locator('h1').first().textContent()}").`);
  return ms;
}

/** One walk from the first page to Ready to install, filling each page with valid entries (not timed). */
async function walkToReady(browser: Browser, served: Served): Promise<number[]> {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  const w = new WizardDriver(page);
  const times: number[] = [];
  try {
    await page.goto(served.url);
    let from = 0;
    for (let hops = 0; hops < STEPS.length * 2; hops++) {
      await w.heading().waitFor();
      const text = ((await w.heading().textContent()) ?? '').trim();
      if (text === 'Ready to install') return times;
      const matches = STEPS.filter((s) => s.heading === text);
      const step = matches.find((s) => STEPS.indexOf(s) >= from) ?? matches[0];
      if (!step) throw new Error(`The walk met a page no page object knows: "${text}".`);
      from = STEPS.indexOf(step);
      await step.fill(w, GOOD);
      // The prerequisite pages wait for the engine's checks: that is the engine's time, not the page change's.
      await page.getByRole('button', { name: 'Next', exact: true }).and(page.locator(':enabled')).waitFor();
      times.push(await timedNext(page));
    }
    throw new Error('The walk did not reach Ready to install.');
  } finally {
    await context.close();
  }
}

/** The bare page's route change, as often as the walk changes pages. */
async function bareRouteChanges(browser: Browser, served: Served, count: number): Promise<number[]> {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  const times: number[] = [];
  try {
    await page.goto(served.url);
    await page.locator('h1').waitFor();
    for (let i = 0; i < count; i++) times.push(await timedNext(page));
    return times;
  } finally {
    await context.close();
  }
}

/** Walks to Ready to install and the bare page's route changes, taking turns; returns [ours, bare]. */
export async function timePageChanges(browser: Browser, ours: Served, bare: Served, walks: number): Promise<[number[], number[]]> {
  const oursTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let i = 0; i < walks; i++) {
    const walk = await walkToReady(browser, ours);
    oursTimes.push(...walk);
    bareTimes.push(...(await bareRouteChanges(browser, bare, walk.length)));
  }
  return [oursTimes, bareTimes];
}
