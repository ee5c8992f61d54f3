/**
 * Fetches every page's view once the first page is on screen and the browser is idle, so later pages open at once
 * while the first one did not wait for them.
 */
export function preloadViews(): void {
  const load = () => {
    void import('./ConfigurePage.view');
    void import('./PrerequisitesPage.view');
    void import('./DatabasePage.view');
    void import('./ReadyPage.view');
    void import('./InstallingPage.view');
    void import('./FinishPage.view');
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}
