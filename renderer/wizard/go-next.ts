import { hasErrors } from '../../shared/settings/rules';
import { secretsProvided } from '../store/secrets';
import { useWizard, type WizardStore } from '../store/store';
import { issuesOf } from './field-issues';
import type { LazyView } from './lazy-view';
import { nextPage, pageById } from './pages';
import type { WizardPage } from './page';

const PENDING = Symbol('pending');

/** The page's own check; the wizard shows Working… only while one is still out (most answer at once). */
async function pageCheck(page: WizardPage, state: WizardStore): Promise<string | null> {
  if (!page.beforeNext) return null;
  const check = page.beforeNext(state);
  const settled = await Promise.race([check, Promise.resolve(PENDING)]);
  if (settled !== PENDING) return settled;
  const { actions } = useWizard.getState();
  actions.setBusy(true);
  try {
    return await check;
  } finally {
    actions.setBusy(false);
  }
}

function preloadOf(page: WizardPage | null): (() => Promise<void>) | null {
  const view = page?.component as Partial<LazyView> | undefined;
  return view?.preload && !view.loaded?.() ? view.preload : null;
}

/** Next: the page's field errors and its own check keep the user here; otherwise on to the next visible page. */
export async function goNext(): Promise<void> {
  const state = useWizard.getState();
  const { actions } = state;
  const page = pageById(state.pageId);
  if (state.busy || page.final || page.blocked?.(state)) return;
  const fields = page.fields?.(state) ?? [];
  const issues = issuesOf(state, secretsProvided()).filter((i) => fields.includes(i.field));
  if (hasErrors(issues)) {
    actions.setAttemptedNext(true);
    actions.setPageError('Correct the fields marked in red before you continue.');
    return;
  }
  // The next page's view is fetched while the engine answers the page's check, not after it.
  void preloadOf(nextPage(state))?.();
  const problem = await pageCheck(page, state);
  if (problem) {
    actions.setAttemptedNext(true);
    actions.setPageError(problem);
    return;
  }
  const next = nextPage(useWizard.getState());
  if (!next) return;
  // A view not fetched yet (Next pressed before the preload): wait for it here rather than show a spinner.
  const preload = preloadOf(next);
  if (preload) {
    actions.setBusy(true);
    await preload().finally(() => actions.setBusy(false));
  }
  actions.goTo(next.id);
}
