import type { PageObject } from './page-object';

export const installationType = {
  id: 'installation-type',
  heading: 'Select installation type',
  async fill(w) {
    await w.page.getByRole('radio', { name: 'Custom installation', exact: true }).check();
  },
} satisfies PageObject;
