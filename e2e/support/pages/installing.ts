import { expect } from '@playwright/test';
import type { PageObject } from './page-object';

const labels = { progress: 'Installation progress', log: 'Installation log' } as const;

/** Installing: nothing to enter. Next is enabled once the run has ended (installed, unchanged or rolled back). */
export const installing = {
  id: 'installing',
  heading: 'Installing',
  labels,
  async fill() {},
  async pass(w) {
    // A rehearsal run takes a few seconds; the expect timeout (10 s) is too short for a slow CI machine.
    await expect(w.button('Next')).toBeEnabled({ timeout: 30_000 });
    await w.next();
  },
} satisfies PageObject;
