import type { PageObject } from './page-object';

const labels = { location: 'File location' } as const;

export const supportFiles = {
  id: 'support-files',
  heading: 'Select a file location',
  labels,
  async fill(w, e) {
    if (e.supportFilesLocation !== undefined) await w.fill(labels.location, e.supportFilesLocation);
  },
} satisfies PageObject;
