import { Checkbox, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup } from '@fluentui/react-components';
import type { SetupChoices } from '../../shared/contract/schemas';
import { useSecrets } from '../store/secrets';
import { useActions, useWizard } from '../store/store';

type Authentication = SetupChoices['database']['authentication'];

/**
 * How Setup signs in to SQL Server (the run's one database choice, whichever component's database page shows it):
 * the authentication, the login and its password, and whether to trust the server's certificate. `authProblem` and
 * `loginProblem`: the server's message for that choice, shown under it.
 */
export function SqlSignIn({ authProblem, loginProblem }: { authProblem?: string; loginProblem?: string }) {
  const choice = useWizard((s) => s.choices.database);
  const password = useSecrets((s) => s.sqlPassword);
  const setPassword = useSecrets((s) => s.setSqlPassword);
  const { setDatabaseChoice } = useActions();
  const sql = choice.authentication === 'sql';
  return (
    <>
      <Field label="Authentication" validationState={authProblem ? 'error' : 'none'} validationMessage={authProblem}>
        <RadioGroup value={choice.authentication} onChange={(_e, d) => setDatabaseChoice({ authentication: d.value as Authentication })}>
          <Radio value="windows" label="Windows authentication" />
          <Radio value="sql" label="SQL Server authentication" />
        </RadioGroup>
      </Field>
      <div className="form-grid">
        <Field
          label={sql ? 'Login' : 'Windows account (optional)'}
          hint={sql ? undefined : 'Empty: the current Windows user. DOMAIN\\user with its password signs in through NTLM.'}
          validationState={loginProblem ? 'error' : 'none'}
          validationMessage={loginProblem}
        >
          <Input value={choice.sqlLogin} autoComplete="off" onChange={(_e, d) => setDatabaseChoice({ sqlLogin: d.value })} />
        </Field>
        {(sql || choice.sqlLogin.trim() !== '') && (
          <Field label="Password">
            <Input type="password" autoComplete="off" value={password} onChange={(_e, d) => setPassword(d.value)} />
          </Field>
        )}
      </div>
      <Checkbox
        label="Trust the server certificate"
        checked={choice.trustServerCertificate}
        onChange={(_e, d) => setDatabaseChoice({ trustServerCertificate: Boolean(d.checked) })}
      />
      {choice.trustServerCertificate && (
        <MessageBar intent="warning">
          <MessageBarBody>
            The connection stays encrypted, but the server&apos;s identity is not verified: a server posing as this one would not be noticed. Prefer a
            certificate this computer trusts on SQL Server.
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
