import type { PageObject } from './page-object';

const ALL = ['Async Server', 'Async Client'];

export const components = {
  id: 'components',
  heading: 'Select components',
  async fill(w, e) {
    const wanted = e.components ?? ['Async Server'];
    for (const name of ALL) {
      const box = w.page.getByRole('checkbox', { name, exact: true });
      if (wanted.includes(name)) await box.check();
      else await box.uncheck();
    }
  },
} satisfies PageObject;
