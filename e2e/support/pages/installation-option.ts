import type { PageObject } from './page-object';

const labels = { components: 'Commerce Data Exchange components' } as const;

export const installationOption = {
  id: 'installation-option',
  heading: 'Select an installation option',
  labels,
  async fill(w, e) {
    await w.page.getByRole('radio', { name: e.option ?? labels.components, exact: true }).check();
  },
} satisfies PageObject;
