import { create } from 'zustand';
import { useWizard } from '../store/store';
import type { LazyView } from './lazy-view';
import { LazyCancelDialog } from './lazy-cancel-dialog';
import { nextPage, PAGES } from './pages';
import type { WizardPage } from './page';

/** How long the first page has the computer to itself when the user does nothing: its first paint does not wait for the rest. */
const FIRST_PAGE_ALONE_MS = 1000;
/** The user's first act on the page: by then the first page is up, and the next page may be a second away, or less. */
const FIRST_ACT = ['pointerdown', 'keydown', 'input'] as const;

/** Once true, the later views are wanted: the wizard also renders the next page ahead, hidden (Wizard.tsx). */
export const useLaterViews = create<{ wanted: boolean }>(() => ({ wanted: false }));

/**
 * Fetches every page's view once the first page is up, the next page's first: at the user's first click, key or
 * input on it, or after a second of nothing, whichever comes first. Waiting for an idle moment instead let a quick user (or a driver) reach
 * Next before the views were here, and each page change then waited for its chunk. The fetch starts in a task of
 * its own, after the event that triggered it is handled. Next still waits for a view that is not here yet
 * (go-next.ts). Returns the effect's cleanup: a wizard taken off the screen before then fetches nothing.
 */
export function preloadViews(): () => void {
  let started = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const load = () => {
    if (started) return;
    started = true;
    stop();
    useLaterViews.setState({ wanted: true });
    const preload = (page: WizardPage | null) => (page?.component as Partial<LazyView> | undefined)?.preload?.() ?? Promise.resolve();
    // The next page's view first, alone: the others would queue before it on the browser's few connections.
    void preload(nextPage(useWizard.getState()))
      .catch(() => undefined)
      .then(() => {
        for (const page of PAGES) void preload(page);
        void LazyCancelDialog.preload();
      });
  };
  const onFirstAct = () => {
    clearTimeout(timer);
    timer = setTimeout(load, 0);
  };
  const stop = () => {
    clearTimeout(timer);
    for (const type of FIRST_ACT) window.removeEventListener(type, onFirstAct, true);
  };
  for (const type of FIRST_ACT) window.addEventListener(type, onFirstAct, { capture: true, once: true, passive: true });
  timer = setTimeout(load, FIRST_PAGE_ALONE_MS);
  return () => {
    stop();
    useLaterViews.setState({ wanted: false });
  };
}
