import { hasErrors } from '../../shared/settings/rules';
import { useSecrets } from '../store/secrets';
import { useWizard } from '../store/store';
import { issuesOf } from './field-issues';
import type { LazyView } from './lazy-view';
import { nextPage, pageById } from './pages';

/** Next: the page's field errors and its own check keep the user here; otherwise on to the next visible page. */
export async function goNext(): Promise<void> {
  const state = useWizard.getState();
  const { actions } = state;
  const page = pageById(state.pageId);
  if (state.busy || page.final || page.blocked?.(state)) return;
  const fields = page.fields?.(state) ?? [];
  const issues = issuesOf(state, useSecrets.getState().appPoolPassword !== '').filter((i) => fields.includes(i.field));
  if (hasErrors(issues)) {
    actions.setAttemptedNext(true);
    actions.setPageError('Correct the fields marked in red before you continue.');
    return;
  }
  if (page.beforeNext) {
    actions.setBusy(true);
    const problem = await page.beforeNext(useWizard.getState());
    actions.setBusy(false);
    if (problem) {
      actions.setAttemptedNext(true);
      actions.setPageError(problem);
      return;
    }
  }
  const next = nextPage(useWizard.getState());
  if (!next) return;
  // A view not fetched yet (Next pressed before the idle preload): wait for it here rather than show a spinner.
  const view = next.component as Partial<LazyView>;
  if (view.preload && !view.loaded?.()) {
    actions.setBusy(true);
    await view.preload().finally(() => actions.setBusy(false));
  }
  actions.goTo(next.id);
}
