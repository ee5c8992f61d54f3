import type { PageObject } from './page-object';

const labels = { url: 'Async Server URL', logFile: 'Log file' } as const;

/** Finish: the last page, left with Close. */
export const finish = {
  id: 'finish',
  heading: 'Finish',
  labels,
  async fill() {},
} satisfies PageObject;
