// The page's view, loaded once the first page is up: the first page needs none of it.
import { Checkbox, Field, Input, Radio, RadioGroup, Text } from '@fluentui/react-components';
import type { SetupChoices } from '../../../../shared/contract/schemas';
import { SettingField } from '../../../components/SettingField';
import { useSecrets } from '../../../store/secrets';
import { useActions, useWizard } from '../../../store/store';
import { DatabaseTest } from './DatabaseTest';

type Authentication = SetupChoices['database']['authentication'];

/** How Setup signs in to SQL Server for both databases (the service account gets its own login there). */
function SignIn() {
  const choice = useWizard((s) => s.choices.database);
  const password = useSecrets((s) => s.sqlPassword);
  const setPassword = useSecrets((s) => s.setSqlPassword);
  const { setDatabaseChoice } = useActions();
  const sql = choice.authentication === 'sql';
  return (
    <fieldset className="plain-fieldset form">
      <legend>Sign-in to SQL Server</legend>
      <Field label="Authentication">
        <RadioGroup value={choice.authentication} onChange={(_e, d) => setDatabaseChoice({ authentication: d.value as Authentication })}>
          <Radio value="windows" label="Windows authentication" />
          <Radio value="sql" label="SQL Server authentication" />
        </RadioGroup>
      </Field>
      <div className="form-grid">
        <Field label={sql ? 'Login' : 'Windows account (optional)'} hint={sql ? undefined : 'Empty: the current Windows user.'}>
          <Input value={choice.sqlLogin} autoComplete="off" onChange={(_e, d) => setDatabaseChoice({ sqlLogin: d.value })} />
        </Field>
        {(sql || choice.sqlLogin.trim() !== '') && (
          <Field label="Password">
            <Input type="password" autoComplete="off" value={password} onChange={(_e, d) => setPassword(d.value)} />
          </Field>
        )}
      </div>
      <Checkbox label="Trust the server certificate" checked={choice.trustServerCertificate} onChange={(_e, d) => setDatabaseChoice({ trustServerCertificate: Boolean(d.checked) })} />
    </fieldset>
  );
}

/** One of the two databases: its server, named instance and name (`<prefix>Server`, `…ServerNamedInstanceName`, `…Name`), and its Test connection. */
function DatabaseFields({ which, legend, about, prefix }: { which: 'message' | 'channel'; legend: string; about: string; prefix: 'ChannelMessageDatabase' | 'ChannelDatabase' }) {
  return (
    <fieldset className="plain-fieldset form">
      <legend>{legend}</legend>
      <Text as="p" size={200}>
        {about}
      </Text>
      <div className="form-grid">
        <SettingField name={`${prefix}Server`} label="Server name" />
        <SettingField name={`${prefix}ServerNamedInstanceName`} label="Named instance" hint="server\instance; empty for the default instance." />
      </div>
      <SettingField name={`${prefix}Name`} label="Database name" />
      <DatabaseTest which={which} />
    </fieldset>
  );
}

export function ClientDatabases() {
  return (
    <div className="form">
      <DatabaseFields
        which="message"
        legend="Channel message database"
        about="Async Client's own message database. Setup creates it when it does not exist."
        prefix="ChannelMessageDatabase"
      />
      <DatabaseFields
        which="channel"
        legend="Channel database"
        about="The Retail channel database this Async Client serves. It must exist already: Setup never creates a channel database."
        prefix="ChannelDatabase"
      />
      <SignIn />
    </div>
  );
}
