// The page's view, loaded when the page is first shown (or when the browser is idle): the first page needs none of it.
import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { SetupChoices } from '../../../../shared/contract/schemas';
import { SettingField } from '../../../components/SettingField';
import { SqlSignIn } from '../../../components/SqlSignIn';
import { useActions, useWizard } from '../../../store/store';
import { useDatabaseStatus } from '../database-status';

type DatabaseChoice = SetupChoices['database'];

/** Choices this page shows its own fields for: a problem with one is told under that field, not again above. */
const OWN_FIELDS = ['database.authentication', 'database.sqlLogin', 'database.partition'];

/** The server's message for the field it blames, shown under that field. */
function useProblemFor(field: string) {
  const problem = useDatabaseStatus((s) => s.problem);
  return problem && problem.field === field ? problem.message : undefined;
}

function Authentication() {
  return <SqlSignIn authProblem={useProblemFor('database.authentication')} loginProblem={useProblemFor('database.sqlLogin')} />;
}

function ConnectionStatus() {
  const { report, problem, testing, test } = useDatabaseStatus();
  const settings = useWizard((s) => s.settings);
  const choice = useWizard((s) => s.choices.database);
  const { setDatabaseChoice, setSetting } = useActions();
  return (
    <div className="form">
      <div>
        <Button onClick={() => void test(settings, choice)} disabled={testing}>
          Test connection
        </Button>
        {testing && <Spinner size="tiny" label="Connecting…" />}
      </div>
      {problem && (!OWN_FIELDS.includes(problem.field ?? '') || problem.suggestion) && (
        <MessageBar intent={OWN_FIELDS.includes(problem.field ?? '') ? 'info' : 'error'} role={OWN_FIELDS.includes(problem.field ?? '') ? undefined : 'alert'}>
          <MessageBarBody>
            {!OWN_FIELDS.includes(problem.field ?? '') && problem.message}
            {problem.suggestion && (
              <>
                {' '}
                <Button
                  size="small"
                  onClick={() => {
                    setDatabaseChoice({ mode: 'existing' });
                    setSetting('HQMessageDatabase', problem.suggestion!);
                    useDatabaseStatus.setState({ problem: null });
                  }}
                >
                  Use {problem.suggestion}
                </Button>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {report && !problem && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            Connected to {report.server}. {report.messageDatabases.length === 0 ? 'It has no message database yet.' : `Message databases: ${report.messageDatabases.length}.`}
            {choice.mode === 'create' && !report.canCreateDatabase && ' The account used may not create databases.'}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/** Databases the server lists but that could not be read: named, so a message database among them is not missed. */
function UnreadableDatabases() {
  const report = useDatabaseStatus((s) => s.report);
  if (!report || report.unreadableDatabases.length === 0) return null;
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        {report.unreadableDatabases.length === 1 ? 'One database' : `${report.unreadableDatabases.length} databases`} on {report.server} could not be read, so
        whether {report.unreadableDatabases.length === 1 ? 'it is a message database' : 'they are message databases'} is not known:
        <ul aria-label="Databases that could not be read">
          {report.unreadableDatabases.map((d) => (
            <li key={d.name}>
              {d.name}: {d.reason}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function ExistingDatabases() {
  const report = useDatabaseStatus((s) => s.report);
  const name = useWizard((s) => s.settings.HQMessageDatabase);
  const partition = useWizard((s) => s.choices.database.partition);
  const { setSetting, touch } = useActions();
  if (!report) return <Text className="indented">Test the connection to list the server&apos;s message databases.</Text>;
  if (report.messageDatabases.length === 0) return <Text className="indented">{report.server} has no message database: create a new one.</Text>;
  const samePartition = (p: string | null) => p === null || p.toLowerCase() === partition.trim().toLowerCase();
  return (
    <Field label="Existing message databases">
      <RadioGroup
        value={report.messageDatabases.find((d) => d.name.toLowerCase() === name.toLowerCase())?.name ?? ''}
        onChange={(_e, d) => {
          setSetting('HQMessageDatabase', d.value);
          touch('HQMessageDatabase');
        }}
      >
        {report.messageDatabases.map((d) => (
          <Radio
            key={d.name}
            value={d.name}
            disabled={!samePartition(d.partition)}
            label={`${d.name} — ${d.partition === null ? 'no partition yet' : `partition ${d.partition}`} — ${d.instances.length === 0 ? 'no instance uses it yet' : `used by ${d.instances.join(', ')}`}${samePartition(d.partition) ? '' : ' (another partition: cannot be used)'}`}
          />
        ))}
      </RadioGroup>
    </Field>
  );
}

/** What the server said no longer holds once the user points at another server or signs in differently. */
function useForgetOnServerChange() {
  const server = useWizard((s) => `${s.settings.HQMessageDatabaseServerName}|${s.settings.HQMessageDatabaseServerNamedInstanceName}`);
  const login = useWizard((s) => `${s.choices.database.authentication}|${s.choices.database.sqlLogin}|${s.choices.database.trustServerCertificate}`);
  const reset = useDatabaseStatus((s) => s.reset);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reset();
  }, [server, login, reset]);
}

export function SelectDatabase() {
  const choice = useWizard((s) => s.choices.database);
  const settings = useWizard((s) => s.settings);
  const report = useDatabaseStatus((s) => s.report);
  const test = useDatabaseStatus((s) => s.test);
  useForgetOnServerChange();
  const { setDatabaseChoice } = useActions();
  const partitionProblem = useProblemFor('database.partition');
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
      <Authentication />
      <ConnectionStatus />
      <Field
        label="Partition"
        hint="The Microsoft Dynamics AX partition this message database serves."
        validationState={partitionProblem ? 'error' : 'none'}
        validationMessage={partitionProblem}
      >
        <Input value={choice.partition} onChange={(_e, d) => setDatabaseChoice({ partition: d.value })} />
      </Field>
      <Field label="Message database">
        <RadioGroup
          value={choice.mode}
          onChange={(_e, d) => {
            const mode = d.value as DatabaseChoice['mode'];
            setDatabaseChoice({ mode });
            if (mode === 'existing' && !report) void test(settings, { ...choice, mode });
          }}
        >
          <Radio value="create" label="Create a new message database" />
          <Radio value="existing" label="Use an existing message database" />
        </RadioGroup>
      </Field>
      {choice.mode === 'existing' && <ExistingDatabases />}
      <UnreadableDatabases />
      <SettingField name="HQMessageDatabase" label="Database name" />
    </div>
  );
}
