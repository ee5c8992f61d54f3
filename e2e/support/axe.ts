import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const BLOCKING = new Set(['serious', 'critical']);

/**
 * Fluent UI's focus manager (tabster) places aria-hidden <i data-tabster-dummy tabindex="0"> guards that hand focus on
 * at once; axe flags them under aria-hidden-focus. Fluent documents this as a false positive (microsoft/tabster#288),
 * and Accessibility Insights suppresses it the same way: only those guards, only for that rule.
 */
function isTabsterGuard(ruleId: string, html: string): boolean {
  return ruleId === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy/.test(html);
}

/** One axe scan: the serious and critical violations, each with its elements and how to fix them. */
async function blockingViolations(page: Page, what: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  await test.info().attach(`axe ${what}`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  return results.violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterGuard(v.id, n.html)) }))
    .filter((v) => BLOCKING.has(v.impact ?? '') && v.nodes.length > 0)
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} — ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`);
}

/**
 * Scans what the page shows with axe-core (WCAG 2.1 A and AA, and best practices) and fails on any serious or
 * critical violation that is still there once the page has settled: a button caught in the instant it turns from
 * disabled to enabled (a check finishing, a path arriving) is read by axe with half its new state, which no user sees.
 * The full results of every scan are attached. One scan of a long page takes seconds on a busy machine (3.5 s for
 * Configure Async Client alone, more under load), so the settling time allows several scans.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await expect.poll(() => blockingViolations(page, what), { message: `Accessibility of "${what}"`, intervals: [250, 500, 1000], timeout: 30_000 }).toEqual([]);
}
