import { expect } from '@playwright/test';
import type { WizardDriver } from '../driver';
import { GOOD_CLIENT, type Entries } from '../entries';
import type { PageObject } from './page-object';

const labels = {
  configure: 'Configure Async Client by using Setup',
  url: 'Async Server URL',
  channelDatabaseId: 'Channel database ID',
  connection: 'Async Server connection',
  service: 'Async Client service',
  userName: 'User name',
  password: 'Password',
  serviceName: 'Service name',
  installFolder: 'Installation folder',
  streaming: 'Use streaming',
  netTcpPort: 'NetTcp port number',
  testConnection: 'Test connection',
} as const;

/** The two groups that each have a User name and a Password: the Async Server connection, and the service's account. */
export const group = (w: WizardDriver, name: string) => w.page.getByRole('group', { name, exact: true });
const inGroup = (w: WizardDriver, name: string, label: string) => group(w, name).getByLabel(label, { exact: true });

export const configureAsyncClient = {
  id: 'configure-async-client',
  heading: 'Configure Async Client',
  labels,
  async fill(w: WizardDriver, e: Entries) {
    const c = { ...GOOD_CLIENT, ...e.client };
    const box = w.page.getByRole('checkbox', { name: labels.configure, exact: true });
    if (!c.configure) {
      await box.uncheck();
      await w.fill(labels.installFolder, c.installFolder);
      return;
    }
    await box.check();
    await w.fill(labels.url, c.url);
    await w.fill(labels.channelDatabaseId, c.channelDatabaseId);
    await inGroup(w, labels.connection, labels.userName).fill(c.connectionUser);
    await inGroup(w, labels.connection, labels.password).fill(c.connectionPassword);
    await inGroup(w, labels.service, labels.userName).fill(c.serviceUser);
    const password = inGroup(w, labels.service, labels.password);
    if (await password.isEnabled()) await password.fill(c.servicePassword);
    await inGroup(w, labels.service, labels.serviceName).fill(c.serviceName);
    await inGroup(w, labels.service, labels.installFolder).fill(c.installFolder);
    const streaming = w.page.getByRole('checkbox', { name: labels.streaming, exact: true });
    if (c.streaming) await streaming.check();
    else await streaming.uncheck();
    await expect(streaming).toBeChecked({ checked: c.streaming });
  },
} satisfies PageObject;
