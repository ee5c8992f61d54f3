import type { WizardDriver } from '../driver';
import { GOOD_CLIENT, type Entries } from '../entries';
import type { PageObject } from './page-object';

const labels = {
  messageDatabase: 'Channel message database',
  channelDatabase: 'Channel database',
  server: 'Server name',
  namedInstance: 'Named instance',
  database: 'Database name',
  testConnection: 'Test connection',
} as const;

const inGroup = (w: WizardDriver, name: string, label: string) => w.page.getByRole('group', { name, exact: true }).getByLabel(label, { exact: true });

export const databaseAsyncClient = {
  id: 'database-async-client',
  heading: 'Select or specify a database to use with Async Client',
  labels,
  async fill(w: WizardDriver, e: Entries) {
    const c = { ...GOOD_CLIENT, ...e.client };
    await inGroup(w, labels.messageDatabase, labels.server).fill(c.messageServer);
    await inGroup(w, labels.messageDatabase, labels.database).fill(c.messageDatabase);
    await inGroup(w, labels.channelDatabase, labels.server).fill(c.channelServer);
    await inGroup(w, labels.channelDatabase, labels.database).fill(c.channelDatabase);
  },
} satisfies PageObject;
