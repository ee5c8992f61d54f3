import type { WizardPage } from '../wizard/page';
import { lazyView } from '../wizard/lazy-view';

const Finish = lazyView(() => import('./views/FinishPage.view').then((m) => m.Finish));

export const finishPage: WizardPage = {
  id: 'finish',
  title: 'Finish',
  noBack: true,
  component: Finish,
  // Validate prerequisites only ends on its results: nothing is installed, so these are not among its steps.
  hidden: (s) => s.choices.option === 'validate-only',
  final: true,
};
