import type { WizardPage } from '../wizard/page';
import { lazyView } from '../wizard/lazy-view';

const Installing = lazyView(() => import('./views/InstallingPage.view').then((m) => m.Installing));

export const installingPage: WizardPage = {
  id: 'installing',
  title: 'Installing',
  noBack: true,
  component: Installing,
  blocked: (s) => !s.installRun || s.installRun.running || (s.interruptedRun !== null && !s.installRun.running && s.installRun.result === null),
};
