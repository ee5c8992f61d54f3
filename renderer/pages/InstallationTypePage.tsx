import type { WizardPage } from '../wizard/page';
import { lazyView } from '../wizard/lazy-view';

const InstallationType = lazyView(() => import('./views/InstallationTypePage.view').then((m) => m.InstallationType));

export const installationTypePage: WizardPage = {
  id: 'installation-type',
  title: 'Select installation type',
  component: InstallationType,
  hidden: (s) => s.choices.option !== 'components',
};
