import type { PageObject } from './page-object';

export const ready = {
  id: 'ready',
  heading: 'Ready to install',
  async fill() {},
  async pass(w) {
    await w.button('Install').click();
  },
} satisfies PageObject;
