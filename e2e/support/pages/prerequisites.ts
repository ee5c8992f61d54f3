import type { PageObject } from './page-object';

/**
 * Prerequisite validation results (shown twice: before Configure Async Server and before Ready to install).
 * Nothing to enter: Next passes once every check has passed.
 */
export const prerequisites = {
  id: 'prerequisites',
  heading: 'Prerequisite validation results',
  async fill() {},
} satisfies PageObject;

/** The second time, after Select a database to use with Async Server: the checks that depend on the choices. */
export const prerequisitesAfterConfigure = {
  ...prerequisites,
  id: 'prerequisites-after-configure',
} satisfies PageObject;
