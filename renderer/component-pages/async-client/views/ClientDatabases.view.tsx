// The page's view, loaded once the first page is up: the first page needs none of it.
import { Text } from '@fluentui/react-components';
import { SettingField } from '../../../components/SettingField';
import { SqlSignIn } from '../../../components/SqlSignIn';
import { DatabaseTest } from './DatabaseTest';

/** How Setup signs in to SQL Server for both databases (the service account gets its own login there). */
function SignIn() {
  return (
    <fieldset className="plain-fieldset form">
      <legend>Sign-in to SQL Server</legend>
      <SqlSignIn />
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
