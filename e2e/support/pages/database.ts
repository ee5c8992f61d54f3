import type { WizardDriver } from '../driver';
import type { Entries } from '../entries';
import type { PageObject } from './page-object';

const labels = {
  server: 'Server name',
  namedInstance: 'Named instance',
  database: 'Database name',
  create: 'Create a new message database',
  existing: 'Use an existing message database',
} as const;

export const database = {
  id: 'database',
  heading: 'Select a database to use with Async Server',
  labels,
  async fill(w: WizardDriver, e: Entries) {
    await w.fill(labels.server, e.server);
    if (e.namedInstance !== undefined) await w.fill(labels.namedInstance, e.namedInstance);
    await w.page.getByRole('radio', { name: e.databaseMode === 'existing' ? labels.existing : labels.create, exact: true }).check();
    await w.fill(labels.database, e.database);
  },
} satisfies PageObject;
