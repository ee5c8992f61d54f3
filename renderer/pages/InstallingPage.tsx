import { lazy } from 'react';
import type { WizardPage } from '../wizard/page';

const Installing = lazy(() => import('./views/InstallingPage.view').then((m) => ({ default: m.Installing })));

export const installingPage: WizardPage = {
  id: 'installing',
  title: 'Installing',
  noBack: true,
  component: Installing,
  blocked: (s) => !s.installRun || s.installRun.running || (s.interruptedRun !== null && !s.installRun.running && s.installRun.result === null),
};
