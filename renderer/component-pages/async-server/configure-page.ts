import { isBuiltInAccount } from '../../../shared/settings/rules';
import { componentDefinition } from '../../../shared/components/registry';
import type { FieldId } from '../../../shared/components/async-server/rules';
import type { WizardPage } from '../../wizard/page';
import { lazyView } from '../../wizard/lazy-view';

const CONFIGURE_FIELDS: FieldId[] = [
  'WebApplicationName',
  'AppPoolName',
  'WebSiteName',
  'AppPoolUser',
  'AppPoolPassword',
  'WebSiteHttpsPort',
  'WebSiteTcpPort',
  'AOSServiceUser',
  'WebSiteSSLCertificateThumbprint',
  'WebSiteSSLCertificateRootStore',
  'WebSiteSSLCertificateStore',
];

const ConfigureAsyncServer = lazyView(() => import('./views/ConfigureAsyncServer.view').then((m) => m.ConfigureAsyncServer));

/** Configure Async Server: the IIS web application, its app pool's account, the ports and the SSL certificate. */
export const configurePage: WizardPage = {
  id: 'configure',
  title: componentDefinition('async-server').pages[0].label,
  component: ConfigureAsyncServer,
  fields: () => CONFIGURE_FIELDS,
  review: (s, expanded) => {
    const v = expanded ?? s.settings;
    if (!s.choices.configure) return { title: 'Async Server', rows: [{ label: 'Configure Async Server by using Setup', value: 'No: application files only' }] };
    return {
      title: 'Async Server',
      rows: [
        { label: 'Configure Async Server by using Setup', value: 'Yes' },
        { label: 'Application name', value: v.WebApplicationName },
        { label: 'App pool name', value: v.AppPoolName },
        { label: 'Website name', value: v.WebSiteName },
        { label: 'User name', value: v.AppPoolUser },
        { label: 'Password', value: isBuiltInAccount(v.AppPoolUser) ? 'Not needed (built-in account)' : 'Entered (not shown)' },
        { label: 'HTTPS port', value: v.WebSiteHttpsPort },
        { label: 'TCP port (optional)', value: v.WebSiteTcpPort || 'None' },
        { label: 'AOS service user', value: v.AOSServiceUser },
        { label: 'SSL certificate thumbprint', value: v.WebSiteSSLCertificateThumbprint },
        { label: 'Certificate store', value: `${v.WebSiteSSLCertificateRootStore}\\${v.WebSiteSSLCertificateStore}` },
      ],
    };
  },
};
