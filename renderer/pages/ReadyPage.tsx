import { startInstall } from '../install/start-install';
import type { WizardPage } from '../wizard/page';
import { lazyView } from '../wizard/lazy-view';

const ReadyToInstall = lazyView(() => import('./views/ReadyPage.view').then((m) => m.ReadyToInstall));

export const readyPage: WizardPage = {
  id: 'ready',
  title: 'Ready to install',
  component: ReadyToInstall,
  hidden: (s) => s.choices.option === 'validate-only',
  nextLabel: () => 'Install',
  beforeNext: startInstall,
};
