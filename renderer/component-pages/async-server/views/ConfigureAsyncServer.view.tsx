// The page's view, loaded when the page is first shown (or when the browser is idle): the first page needs none of it.
import { Checkbox, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { isBuiltInAccount, normalizeThumbprint } from '../../../../shared/settings/rules';
import { SettingField } from '../../../components/SettingField';
import { useFieldMessage } from '../../../wizard/field-issues';
import { useSecrets } from '../../../store/secrets';
import { useActions, useWizard } from '../../../store/store';
import { CertificatePicker } from './CertificatePicker';

function PasswordField({ disabled }: { disabled: boolean }) {
  const password = useSecrets((s) => s.appPoolPassword);
  const setPassword = useSecrets((s) => s.setAppPoolPassword);
  const builtIn = useWizard((s) => isBuiltInAccount(s.settings.AppPoolUser));
  const { touch } = useActions();
  const message = useFieldMessage('AppPoolPassword');
  return (
    <Field
      label="Password"
      hint={builtIn ? 'Built-in accounts have no password.' : undefined}
      validationState={!disabled && message ? 'error' : 'none'}
      validationMessage={!disabled ? message?.message : undefined}
    >
      <Input
        type="password"
        autoComplete="off"
        value={password}
        disabled={disabled || builtIn}
        onChange={(_e, d) => {
          setPassword(d.value);
          touch('AppPoolPassword');
        }}
      />
    </Field>
  );
}

export function ConfigureAsyncServer() {
  const configure = useWizard((s) => s.choices.configure);
  const { setChoices } = useActions();
  const off = !configure;
  return (
    <div className="form">
      <Checkbox label="Configure Async Server by using Setup" checked={configure} onChange={(_e, d) => setChoices({ configure: Boolean(d.checked) })} />
      {off && (
        <MessageBar intent="info">
          <MessageBarBody>The application files are installed, but Async Server is not configured.</MessageBarBody>
        </MessageBar>
      )}
      <div className="form-grid">
        <SettingField name="WebApplicationName" label="Application name" disabled={off} hint="The web application that hosts Async Server." />
        <SettingField name="AppPoolName" label="App pool name" disabled={off} hint="The application pool that the web application runs under." />
        <SettingField name="WebSiteName" label="Website name" disabled={off} hint="The website that Async Server runs on." />
        <SettingField name="AppPoolUser" label="User name" disabled={off} hint="The application pool identity, as DOMAIN\user." />
        <PasswordField disabled={off} />
        <SettingField name="WebSiteHttpsPort" label="HTTPS port" disabled={off} inputMode="numeric" hint="Any available port; the URL is https://server:port/application." />
        <SettingField name="WebSiteTcpPort" label="TCP port (optional)" disabled={off} inputMode="numeric" hint="For high-performance data synchronization." />
        <SettingField name="AOSServiceUser" label="AOS service user" disabled={off} hint="The account that the AOS instance runs as." />
      </div>
      <SettingField
        name="WebSiteSSLCertificateThumbprint"
        label="SSL certificate thumbprint"
        disabled={off}
        normalize={normalizeThumbprint}
        hint="Paste it from the certificate's Details tab, or select it from the store."
      />
      <div>
        <CertificatePicker disabled={off} />
      </div>
    </div>
  );
}
