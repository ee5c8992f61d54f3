import { componentDefinition } from '../../../shared/components/registry';
import type { FieldId } from '../../../shared/components/async-server/rules';
import type { WizardPage } from '../../wizard/page';
import { lazyView } from '../../wizard/lazy-view';
import { useDatabaseStatus } from './database-status';

const DATABASE_FIELDS: FieldId[] = ['HQMessageDatabaseServerName', 'HQMessageDatabaseServerNamedInstanceName', 'HQMessageDatabase'];

const SelectDatabase = lazyView(() => import('./views/SelectDatabase.view').then((m) => m.SelectDatabase));

/** Select a database to use with Async Server: the message database, created or an existing one, and its partition. */
export const databasePage: WizardPage = {
  id: 'database',
  title: componentDefinition('async-server').pages[1].label,
  component: SelectDatabase,
  hidden: (s) => !s.choices.configure || s.choices.option === 'validate-only',
  fields: () => DATABASE_FIELDS,
  // The engine judges the choice against the server: reachable, the database creatable or usable, the partition rule.
  beforeNext: (s) => useDatabaseStatus.getState().check(s.settings, s.choices.database),
  review: (s, expanded) => {
    const v = expanded ?? s.settings;
    const d = s.choices.database;
    return {
      title: 'Message database',
      rows: [
        { label: 'Server name', value: v.HQMessageDatabaseServerName },
        { label: 'Named instance', value: v.HQMessageDatabaseServerNamedInstanceName || '(default instance)' },
        { label: 'Database', value: `${v.HQMessageDatabase} (${d.mode === 'create' ? 'create a new message database' : 'use an existing one'})` },
        { label: 'Partition', value: d.partition },
        {
          label: 'Authentication',
          value:
            d.authentication === 'sql'
              ? `SQL Server authentication as ${d.sqlLogin}`
              : d.sqlLogin
                ? `Windows authentication as ${d.sqlLogin}`
                : 'Windows authentication (current user)',
        },
        { label: 'Server certificate', value: d.trustServerCertificate ? 'Trusted without validation' : 'Validated' },
      ],
    };
  },
};
