import { Field, Radio, RadioGroup, Text } from '@fluentui/react-components';
import type { FieldId } from '../../shared/settings/rules';
import { SettingField } from '../components/SettingField';
import { useActions, useWizard } from '../store/store';
import type { WizardPage } from '../wizard/page';

const DATABASE_FIELDS: FieldId[] = ['HQMessageDatabaseServerName', 'HQMessageDatabaseServerNamedInstanceName', 'HQMessageDatabase'];

function SelectDatabase() {
  const mode = useWizard((s) => s.choices.database.mode);
  const { setDatabaseChoice } = useActions();
  return (
    <div className="form">
      <Text as="p">
        Create a new message database for the first instance of Async Server. A further instance for load balancing must use the same message
        database; each partition of Microsoft Dynamics AX has its own.
      </Text>
      <div className="form-grid">
        <SettingField name="HQMessageDatabaseServerName" label="Server name" hint="The server that hosts the message database, for example server1." />
        <SettingField name="HQMessageDatabaseServerNamedInstanceName" label="Named instance" hint="server1 or server1\instance2; empty for the default instance." />
      </div>
      <Field label="Message database">
        <RadioGroup value={mode} onChange={(_e, d) => setDatabaseChoice({ mode: d.value as 'create' | 'existing' })}>
          <Radio value="create" label="Create a new message database" />
          <Radio value="existing" label="Use an existing message database" />
        </RadioGroup>
      </Field>
      <SettingField name="HQMessageDatabase" label="Database name" />
    </div>
  );
}

export const databasePage: WizardPage = {
  id: 'database',
  title: 'Select a database to use with Async Server',
  component: SelectDatabase,
  hidden: (s) => !s.choices.configure || s.choices.option === 'validate-only',
  fields: () => DATABASE_FIELDS,
  review: (s, expanded) => {
    const v = expanded ?? s.settings;
    return {
      title: 'Message database',
      rows: [
        { label: 'Server name', value: v.HQMessageDatabaseServerName },
        { label: 'Named instance', value: v.HQMessageDatabaseServerNamedInstanceName || '(default instance)' },
        { label: 'Database', value: `${v.HQMessageDatabase} (${s.choices.database.mode === 'create' ? 'create a new message database' : 'use an existing one'})` },
      ],
    };
  },
};
