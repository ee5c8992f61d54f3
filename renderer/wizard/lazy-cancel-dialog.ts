import { lazyView } from './lazy-view';

/** Fetched when the browser is idle after the first page, or at the first Cancel: the first page does without it. */
export const LazyCancelDialog = lazyView(() => import('./CancelDialog').then((m) => m.CancelDialog));
