import type { WizardDriver } from '../driver';
import type { Entries } from '../entries';
import type { PageObject } from './page-object';

const labels = {
  configure: 'Configure Async Server by using Setup',
  applicationName: 'Application name',
  appPoolName: 'App pool name',
  websiteName: 'Website name',
  userName: 'User name',
  password: 'Password',
  httpsPort: 'HTTPS port',
  tcpPort: 'TCP port (optional)',
  aosServiceUser: 'AOS service user',
  thumbprint: 'SSL certificate thumbprint',
} as const;

export const configureBox = (w: WizardDriver) => w.page.getByRole('checkbox', { name: labels.configure, exact: true });

export const configure = {
  id: 'configure',
  heading: 'Configure Async Server',
  labels,
  async fill(w: WizardDriver, e: Entries) {
    if (e.configure === false) {
      await configureBox(w).uncheck();
      return;
    }
    await configureBox(w).check();
    const text: [keyof typeof labels, string | undefined][] = [
      ['applicationName', e.applicationName],
      ['appPoolName', e.appPoolName],
      ['websiteName', e.websiteName],
      ['userName', e.userName],
      ['aosServiceUser', e.aosServiceUser],
      ['httpsPort', e.httpsPort],
      ['tcpPort', e.tcpPort],
      ['thumbprint', e.thumbprint],
    ];
    for (const [key, value] of text) if (value !== undefined) await w.fill(labels[key], value);
    // Built-in accounts have no password: the field is disabled for them.
    if (await w.field(labels.password).isEnabled()) await w.fill(labels.password, e.password);
  },
} satisfies PageObject;
