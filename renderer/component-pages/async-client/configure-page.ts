import { componentDefinition } from '../../../shared/components/registry';
import { isBuiltInAccount } from '../../../shared/settings/rules';
import { configureOf } from '../../store/setup-slice';
import { lazyView } from '../../wizard/lazy-view';
import type { WizardPage } from '../../wizard/page';

const FIELDS = ['SynchServiceHeadOfficeURL', 'DataStoreName', 'DataStoreUserName', 'DataStorePassword', 'ServiceUser', 'ServicePassword', 'ServiceName', 'ServiceInstallFolder'];

const ConfigureAsyncClient = lazyView(() => import('./views/ConfigureAsyncClient.view').then((m) => m.ConfigureAsyncClient));

/** Configure Async Client: the Async Server connection, the Windows service's account, streaming or not. */
export const configureClientPage: WizardPage = {
  id: 'configure-async-client',
  title: componentDefinition('async-client').pages[0].label,
  component: ConfigureAsyncClient,
  // Files only: the install folder still applies, the rest does not.
  fields: (s) => (configureOf(s, 'async-client') ? FIELDS : ['ServiceInstallFolder']),
  review: (s, expanded) => {
    const v = expanded ?? s.settings;
    if (!configureOf(s, 'async-client')) {
      return {
        title: 'Async Client',
        rows: [
          { label: 'Configure Async Client by using Setup', value: 'No: application files only' },
          { label: 'Installation folder', value: v.ServiceInstallFolder },
        ],
      };
    }
    return {
      title: 'Async Client',
      rows: [
        { label: 'Configure Async Client by using Setup', value: 'Yes' },
        { label: 'Async Server URL', value: v.SynchServiceHeadOfficeURL },
        { label: 'Channel database ID', value: v.DataStoreName },
        { label: 'User name (Async Server connection)', value: v.DataStoreUserName },
        { label: 'Password (Async Server connection)', value: 'Entered (not shown)' },
        { label: 'User name (Async Client service)', value: v.ServiceUser },
        { label: 'Password (Async Client service)', value: isBuiltInAccount(v.ServiceUser) ? 'Not needed (built-in account)' : 'Entered (not shown)' },
        { label: 'Service name', value: v.ServiceName },
        { label: 'Installation folder', value: v.ServiceInstallFolder },
        { label: 'Messaging', value: s.choices.streaming ? 'Streaming over the NetTcp port' : 'WS-ReliableMessaging (default)' },
      ],
    };
  },
};
