import type { WizardPage } from '../wizard/page';
import { lazyView } from '../wizard/lazy-view';

const Installing = lazyView(() => import('./views/InstallingPage.view').then((m) => m.Installing));

export const installingPage: WizardPage = {
  id: 'installing',
  title: 'Installing',
  noBack: true,
  component: Installing,
  // Validate prerequisites only ends on its results: nothing is installed, so these are not among its steps.
  hidden: (s) => s.choices.option === 'validate-only',
  // Another component waiting for this run (or this run not yet recorded) keeps the user here too.
  blocked: (s) =>
    !s.installRun || s.installRun.running || s.installing !== null || s.installQueue.length > 0 || (s.interruptedRun !== null && !s.installRun.running && s.installRun.result === null),
};
