import type { LazyView } from './lazy-view';
import { PAGES } from './pages';
import { LazyCancelDialog } from './lazy-cancel-dialog';

/**
 * Fetches every page's view once the first page is on screen and the browser is idle, so later pages open at once
 * while the first one did not wait for them.
 */
export function preloadViews(): void {
  const load = () => {
    for (const page of PAGES) void (page.component as Partial<LazyView>).preload?.();
    void LazyCancelDialog.preload();
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}
