import type { LazyView } from './lazy-view';
import { PAGES } from './pages';
import { LazyCancelDialog } from './lazy-cancel-dialog';

/** How long the first page has the computer to itself: its first keystrokes and clicks do not wait for the rest. */
const FIRST_PAGE_ALONE_MS = 1000;

/**
 * Fetches every page's view once the first page has been on screen for a moment and the browser is idle, so later
 * pages open at once while the first one did not wait for them (nor share its first second with them). Next waits for
 * a view that is not here yet (go-next.ts). Returns the effect's cleanup: a wizard taken off the screen before then
 * fetches nothing.
 */
export function preloadViews(): () => void {
  const load = () => {
    for (const page of PAGES) void (page.component as Partial<LazyView>).preload?.();
    void LazyCancelDialog.preload();
  };
  let idle: number | undefined;
  const timer = setTimeout(() => {
    if ('requestIdleCallback' in window) idle = window.requestIdleCallback(load, { timeout: 2000 });
    else load();
  }, FIRST_PAGE_ALONE_MS);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) window.cancelIdleCallback(idle);
  };
}
