import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import type { CheckResult } from '../../../../shared/prerequisites/report';
import { api } from '../../../api/client';
import { useSecrets } from '../../../store/secrets';
import { settingsOf } from '../../../store/setup-slice';
import { useWizard } from '../../../store/store';

/** Async Client's own checks that judge each database (electron/engine/components/async-client/prerequisites.ts). */
const CHECK = { message: 'message-database-server', channel: 'channel-database' } as const;

/** Test connection for one database: signs in as the page says and reports what the server has. */
export function DatabaseTest({ which }: { which: keyof typeof CHECK }) {
  const [testing, setTesting] = useState(false);
  const [answer, setAnswer] = useState<{ result: CheckResult } | { error: string } | null>(null);
  const test = async () => {
    const state = useWizard.getState();
    const { database } = state.choices;
    setTesting(true);
    setAnswer(null);
    const r = await api.call('prerequisites.check', {
      component: 'async-client',
      settings: settingsOf(state, 'async-client'),
      check: CHECK[which],
      database,
      sqlPassword: database.authentication === 'sql' || database.sqlLogin.trim() !== '' ? useSecrets.getState().sqlPassword : '',
    });
    setTesting(false);
    setAnswer(r.ok ? r.value : { error: r.error.message });
  };
  const failed = answer !== null && ('error' in answer || answer.result.status === 'error');
  return (
    <div className="form">
      <div className="row">
        <Button onClick={() => void test()} disabled={testing}>
          Test connection
        </Button>
        {testing && <Spinner size="tiny" label="Connecting…" />}
      </div>
      {answer && (
        <MessageBar intent={failed ? 'error' : answer && 'result' in answer && answer.result.status === 'warning' ? 'warning' : 'success'} role={failed ? 'alert' : 'status'} layout="multiline">
          <MessageBarBody>
            {'error' in answer ? answer.error : `${answer.result.details}${answer.result.fix ? ` ${answer.result.fix}` : ''}`}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
