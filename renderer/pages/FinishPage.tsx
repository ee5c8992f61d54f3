import { lazy } from 'react';
import type { WizardPage } from '../wizard/page';

const Finish = lazy(() => import('./views/FinishPage.view').then((m) => ({ default: m.Finish })));

export const finishPage: WizardPage = {
  id: 'finish',
  title: 'Finish',
  noBack: true,
  component: Finish,
  final: true,
};
