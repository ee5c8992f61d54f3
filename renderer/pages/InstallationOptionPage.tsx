import type { WizardPage } from '../wizard/page';
import { lazyView } from '../wizard/lazy-view';
import { INSTALLATION_OPTIONS } from './installation-options';

const InstallationOptionChoice = lazyView(() => import('./views/InstallationOptionPage.view').then((m) => m.InstallationOptionChoice));

export const installationOptionPage: WizardPage = {
  id: 'installation-option',
  title: 'Select an installation option',
  component: InstallationOptionChoice,
  // Without the instance, its own ports would read as busy and its settings would not be loaded.
  beforeNext: async (s) => (s.choices.option === 'modify' && s.modifiedInstance === '' ? 'Select the installed instance to modify.' : null),
  review: (s) => ({
    title: 'Installation',
    rows: [
      { label: 'Installation option', value: INSTALLATION_OPTIONS.find((o) => o.value === s.choices.option)?.label ?? s.choices.option },
      ...(s.choices.option === 'modify' ? [{ label: 'Installed instance', value: s.modifiedInstance }] : []),
      { label: 'Installation type', value: 'Custom installation' },
    ],
  }),
};
