
export interface NavigationSlice {
  pageId: string;
  /** Pages visited, so Back returns exactly where the user came from. */
  history: string[];
  /** Next was tried on the current page: every message shows, touched or not. */
  attemptedNext: boolean;
  cancelRequested: boolean;
  cancelled: boolean;
  busy: boolean;
  pageError: string | null;
  /** Page changes by Next and Back so far: the wizard keys each page's view by it, so a view is never reused across visits. */
  visit: number;
}

export const initialNavigationState = (): NavigationSlice => ({
  pageId: 'support-files',
  history: [],
  attemptedNext: false,
  cancelRequested: false,
  cancelled: false,
  busy: false,
  pageError: null,
  visit: 0,
});
