import { useEffect, useState } from 'react';
import { useWizard } from '../store/store';
import { useLaterViews } from './preload-views';
import { selectNextPageId } from './selectors';

const whenIdle = (run: () => void): (() => void) => {
  if ('requestIdleCallback' in window) {
    const id = window.requestIdleCallback(run, { timeout: 500 });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(run, 50);
  return () => clearTimeout(id);
};

/**
 * The page to render ahead, hidden, so that Next only has to reveal it: the next page, once the later views are
 * wanted (preload-views.ts) and the page just shown has painted and left the browser idle. Rendered any sooner, it
 * would share the frame that shows the page (React works on hidden content between frames, in the same queue).
 */
export function usePageAhead(): string | null {
  const visit = useWizard((s) => s.visit);
  const nextId = useWizard(selectNextPageId);
  const wanted = useLaterViews((s) => s.wanted);
  const [readyVisit, setReadyVisit] = useState(-1);
  useEffect(() => (wanted ? whenIdle(() => setReadyVisit(visit)) : undefined), [visit, wanted]);
  return wanted && readyVisit === visit ? nextId : null;
}
