import type { WizardStore } from '../store/store';
import type { ReviewSection } from './page';
import { visiblePages } from './pages';

/** Ready to install: each page of this flow gives its part, in the pages' order; a page with nothing to say gives none. */
export function reviewSections(state: WizardStore, expanded: WizardStore['settings'] | null): ReviewSection[] {
  return visiblePages(state)
    .map((p) => p.review?.(state, expanded) ?? null)
    .filter((s): s is ReviewSection => s !== null);
}
