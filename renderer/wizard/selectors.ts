import type { WizardStore } from '../store/store';
import { nextPage, pageById, visiblePages } from './pages';

/**
 * The frame's selectors, one value each, so that a keystroke in a field re-renders none of the frame: each returns
 * a string, a boolean or (with useShallow) a list of strings, never a new object.
 */
export const selectVisiblePageIds = (s: WizardStore): string[] => visiblePages(s).map((p) => p.id);
export const selectIsFirstPage = (s: WizardStore): boolean => visiblePages(s)[0]?.id === s.pageId;
export const selectNextBlocked = (s: WizardStore): boolean => Boolean(pageById(s.pageId).blocked?.(s));
export const selectNextLabel = (s: WizardStore): string => pageById(s.pageId).nextLabel?.(s) ?? 'Next';
export const selectCanGoBack = (s: WizardStore): boolean => !s.busy && s.history.length > 0 && !pageById(s.pageId).noBack && !selectIsFirstPage(s);
export const selectNextPageId = (s: WizardStore): string | null => nextPage(s)?.id ?? null;
