import { lazy } from 'react';
import { startInstall } from '../install/start-install';
import type { WizardPage } from '../wizard/page';

const ReadyToInstall = lazy(() => import('./views/ReadyPage.view').then((m) => ({ default: m.ReadyToInstall })));

export const readyPage: WizardPage = {
  id: 'ready',
  title: 'Ready to install',
  component: ReadyToInstall,
  hidden: (s) => s.choices.option === 'validate-only',
  nextLabel: () => 'Install',
  beforeNext: startInstall,
};
