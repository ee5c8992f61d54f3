import { componentDefinition } from '../../../shared/components/registry';
import { configureOf } from '../../store/setup-slice';
import { lazyView } from '../../wizard/lazy-view';
import type { WizardPage } from '../../wizard/page';

const FIELDS = [
  'ChannelMessageDatabaseServer',
  'ChannelMessageDatabaseServerNamedInstanceName',
  'ChannelMessageDatabaseName',
  'ChannelDatabaseServer',
  'ChannelDatabaseServerNamedInstanceName',
  'ChannelDatabaseName',
];

const ClientDatabases = lazyView(() => import('./views/ClientDatabases.view').then((m) => m.ClientDatabases));

const where = (server: string, named: string) => (named.trim() !== '' ? named : server);

/** Select or specify a database to use with Async Client: the channel message database and the channel database. */
export const clientDatabasePage: WizardPage = {
  id: 'database-async-client',
  title: componentDefinition('async-client').pages[1].label,
  component: ClientDatabases,
  // Files only: no database is used.
  hidden: (s) => !configureOf(s, 'async-client'),
  fields: () => FIELDS,
  review: (s, expanded) => {
    const v = expanded ?? s.settings;
    const d = s.choices.database;
    return {
      title: 'Async Client databases',
      rows: [
        { label: 'Channel message database', value: `${v.ChannelMessageDatabaseName} on ${where(v.ChannelMessageDatabaseServer, v.ChannelMessageDatabaseServerNamedInstanceName)} (created when it does not exist)` },
        { label: 'Channel database', value: `${v.ChannelDatabaseName} on ${where(v.ChannelDatabaseServer, v.ChannelDatabaseServerNamedInstanceName)} (must exist)` },
        { label: 'Authentication', value: d.authentication === 'sql' ? `SQL Server authentication as ${d.sqlLogin}` : d.sqlLogin ? `Windows authentication as ${d.sqlLogin}` : 'Windows authentication (current user)' },
      ],
    };
  },
};
