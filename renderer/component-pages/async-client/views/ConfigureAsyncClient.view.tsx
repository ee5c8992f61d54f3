// The page's view, loaded once the first page is up: the first page needs none of it.
import { Checkbox, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { isBuiltInAccount } from '../../../../shared/settings/rules';
import { SettingField } from '../../../components/SettingField';
import { useSecrets } from '../../../store/secrets';
import { configureOf } from '../../../store/setup-slice';
import { useActions, useWizard } from '../../../store/store';
import { useFieldMessage } from '../../../wizard/field-issues';
import { useConnectionStatus } from '../connection-status';
import { TestConnection } from './TestConnection';

function PasswordField({ field, secret, disabled, hint }: { field: string; secret: 'servicePassword' | 'connectionPassword'; disabled: boolean; hint?: string }) {
  const password = useSecrets((s) => s[secret]);
  const setPassword = useSecrets((s) => (secret === 'servicePassword' ? s.setServicePassword : s.setConnectionPassword));
  const { touch } = useActions();
  const message = useFieldMessage(field);
  return (
    <Field label="Password" hint={hint} validationState={!disabled && message ? 'error' : 'none'} validationMessage={!disabled ? message?.message : undefined}>
      <Input
        type="password"
        autoComplete="off"
        value={password}
        disabled={disabled}
        onChange={(_e, d) => {
          setPassword(d.value);
          touch(field);
        }}
      />
    </Field>
  );
}

function Messaging({ disabled }: { disabled: boolean }) {
  const streaming = useWizard((s) => s.choices.streaming === true);
  const port = useConnectionStatus((s) => s.netTcpPort);
  const setPort = useConnectionStatus((s) => s.setNetTcpPort);
  const { setChoices } = useActions();
  return (
    <fieldset className="plain-fieldset form">
      <legend>Messaging</legend>
      <Checkbox label="Use streaming" checked={streaming} disabled={disabled} onChange={(_e, d) => setChoices({ streaming: Boolean(d.checked) })} />
      <Text as="p" size={200} id="streaming-advice">
        By default Async Client uses WS-ReliableMessaging, which confirms every transfer: reliable, but slower. Streaming over Async Server&apos;s NetTcp
        port gives better throughput: use it for the initial synchronization or for large amounts of data, on a reliable network.
      </Text>
      {streaming && (
        <Field label="NetTcp port number" hint="Async Server's TCP port (808 unless it was changed); Test connection checks that it answers.">
          <Input value={port} inputMode="numeric" disabled={disabled} onChange={(_e, d) => setPort(d.value)} />
        </Field>
      )}
    </fieldset>
  );
}

export function ConfigureAsyncClient() {
  const configure = useWizard((s) => configureOf(s, 'async-client'));
  const builtIn = useWizard((s) => isBuiltInAccount(s.settings.ServiceUser));
  const { setComponentConfigure } = useActions();
  const off = !configure;
  return (
    <div className="form">
      <Checkbox label="Configure Async Client by using Setup" checked={configure} onChange={(_e, d) => setComponentConfigure('async-client', Boolean(d.checked))} />
      {off && (
        <MessageBar intent="info">
          <MessageBarBody>The application files are installed, but Async Client is not configured: no Windows service, no configuration, no database.</MessageBarBody>
        </MessageBar>
      )}
      <SettingField name="SynchServiceHeadOfficeURL" label="Async Server URL" disabled={off} hint="https://<server name>:port/<web application name>, or the URL of the service on the load balancer." />
      <SettingField name="DataStoreName" label="Channel database ID" disabled={off} hint="The channel database's identifier in Microsoft Dynamics AX." />
      <fieldset className="plain-fieldset form">
        <legend>Async Server connection</legend>
        <Text as="p" size={200}>
          Case sensitive: they must match the user name and password of the channel database profile in Microsoft Dynamics AX.
        </Text>
        <div className="form-grid">
          <SettingField name="DataStoreUserName" label="User name" disabled={off} />
          <PasswordField field="DataStorePassword" secret="connectionPassword" disabled={off} />
        </div>
        <TestConnection disabled={off} />
      </fieldset>
      <fieldset className="plain-fieldset form">
        <legend>Async Client service</legend>
        <Text as="p" size={200}>
          The account that runs the Windows service. It need not be a domain account: a local user of this computer will do.
        </Text>
        <div className="form-grid">
          <SettingField name="ServiceUser" label="User name" disabled={off} hint="DOMAIN\user, or .\user for a local user." />
          <PasswordField field="ServicePassword" secret="servicePassword" disabled={off || builtIn} hint={builtIn ? 'Built-in accounts have no password.' : undefined} />
          <SettingField name="ServiceName" label="Service name" disabled={off} hint="Each instance of Async Client on this computer has its own." />
          <SettingField name="ServiceInstallFolder" label="Installation folder" hint="Where the Async Client files are installed." />
        </div>
      </fieldset>
      <Messaging disabled={off} />
    </div>
  );
}
