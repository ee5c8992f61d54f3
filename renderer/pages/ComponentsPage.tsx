import { componentWizards } from '../component-pages/registry';
import type { WizardPage } from '../wizard/page';
import { lazyView } from '../wizard/lazy-view';

const Components = lazyView(() => import('./views/ComponentsPage.view').then((m) => m.Components));

export const componentsPage: WizardPage = {
  id: 'components',
  title: 'Select components',
  component: Components,
  hidden: (s) => s.choices.option !== 'components',
  async beforeNext(s) {
    return s.choices.components.length === 0 ? 'Select at least one component to install.' : null;
  },
  review: (s) => ({
    title: 'Components',
    rows: [
      {
        label: 'Components',
        value: componentWizards().filter((c) => s.choices.components.includes(c.id)).map((c) => c.installs).join('; ') || 'None',
      },
    ],
  }),
};
