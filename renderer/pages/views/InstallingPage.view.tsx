// The page's view, loaded when the page is first shown (or when the browser is idle): the first page needs none of it.
import { Button, Field, Input, MessageBar, MessageBarBody, ProgressBar, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { continueInstall } from '../../install/start-install';
import { refreshInstallState } from '../../install/sync-run';
import { useSecrets } from '../../store/secrets';
import { useWizard } from '../../store/store';

/**
 * Reads the engine's run on mount (so a reloaded window reattaches) and again on each of its events; while it runs,
 * also every second, since events sent before the page's subscription was up are not replayed.
 */
function useLiveRun() {
  // A run that has ended is recorded for Finish, and the next component chosen starts.
  const ended = useWizard((s) => s.installing !== null && s.installRun !== null && !s.installRun.running && s.installRun.result !== null);
  useEffect(() => {
    if (ended) void continueInstall();
  }, [ended]);
  useEffect(() => {
    void refreshInstallState();
    const offs = [
      api.on('install.progress', () => void refreshInstallState()),
      api.on('install.finished', () => void refreshInstallState()),
      api.on('log.entry', () => void refreshInstallState()),
    ];
    const poll = setInterval(() => {
      if (useWizard.getState().installRun?.running) void refreshInstallState();
    }, 1000);
    return () => {
      clearInterval(poll);
      offs.forEach((off) => off());
    };
  }, []);
}

type ResumeSecret = 'appPoolPassword' | 'servicePassword' | 'connectionPassword';

const SETTERS: Record<ResumeSecret, 'setAppPoolPassword' | 'setServicePassword' | 'setConnectionPassword'> = {
  appPoolPassword: 'setAppPoolPassword',
  servicePassword: 'setServicePassword',
  connectionPassword: 'setConnectionPassword',
};

/** One password the interrupted run needs to resume, named by whose it is: the secret stays in the secrets store. */
function ResumePassword({ secret, account, who }: { secret: ResumeSecret; account: string; who: string }) {
  const value = useSecrets((s) => s[secret]);
  const set = useSecrets((s) => s[SETTERS[secret]]);
  return (
    <Field label={`Password for ${account}`} hint={`The password of ${who}, needed to resume.`}>
      <Input type="password" autoComplete="off" value={value} onChange={(_e, d) => set(d.value)} />
    </Field>
  );
}

function InterruptedRun() {
  const interrupted = useWizard((s) => s.interruptedRun);
  const missing = useSecrets((s) => interrupted?.passwords.some((p) => s[p.secret] === '') ?? false);
  const [error, setError] = useState<string | null>(null);
  if (!interrupted) return null;
  const recover = async (action: 'rollback' | 'resume') => {
    // The passwords leave the secrets store only inside this request, and only to resume.
    const secrets = useSecrets.getState();
    const given = (secret: ResumeSecret) => (action === 'resume' && interrupted.passwords.some((p) => p.secret === secret) ? secrets[secret] : '');
    const r = await api.call('install.recover', {
      action,
      appPoolPassword: given('appPoolPassword'),
      servicePassword: given('servicePassword'),
      connectionPassword: given('connectionPassword'),
    });
    if (!r.ok) setError(r.error.message);
    await refreshInstallState();
  };
  return (
    <div className="form">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          An installation of {interrupted.instance} started {new Date(interrupted.startedAt).toLocaleString()} was interrupted before it finished
          ({interrupted.operationsDone} steps done). Roll it back to leave the computer as it was, or resume it to finish the installation.
        </MessageBarBody>
      </MessageBar>
      {interrupted.passwords.map((p) => (
        <ResumePassword key={p.secret} {...p} />
      ))}
      <div className="row">
        <Button appearance="primary" onClick={() => void recover('rollback')}>
          Roll back
        </Button>
        <Button onClick={() => void recover('resume')} disabled={missing}>
          Resume
        </Button>
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

export function Installing() {
  useLiveRun();
  const run = useWizard((s) => s.installRun);
  const interrupted = useWizard((s) => s.interruptedRun);
  const log = useRef<HTMLPreElement>(null);
  useEffect(() => {
    log.current?.scrollTo({ top: log.current.scrollHeight });
  }, [run?.log.length]);
  if (!run || (interrupted && !run.running)) return <InterruptedRun />;
  const total = run.steps.length || 1;
  const finished = run.steps.filter((s) => s.status !== 'pending' && s.status !== 'running').length;
  const undoing = run.current?.phase === 'undo';
  return (
    <div className="form">
      <Field label="Installation progress" validationMessage={run.result ? run.result.message : undefined} validationState={run.result ? (['installed', 'unchanged'].includes(run.result.outcome) ? 'success' : 'error') : 'none'}>
        <ProgressBar value={run.result ? 1 : finished / total} max={1} thickness="large" aria-label="Installation progress" />
      </Field>
      <Text as="p" aria-live="polite">
        {run.running ? `${undoing ? 'Undoing' : 'Current step'}: ${run.current?.description ?? 'Starting…'}` : 'The run has finished.'}
      </Text>
      {run.running && (
        <Button onClick={() => void api.call('install.cancel', {}).then(() => refreshInstallState())} disabled={run.cancelling}>
          {run.cancelling ? 'Rolling back…' : 'Cancel and roll back'}
        </Button>
      )}
      <h2>Log</h2>
      <pre ref={log} role="log" aria-label="Installation log" className="install-log" tabIndex={0}>
        {run.log.map((l) => `${l.time} ${l.level.toUpperCase()} ${l.message}`).join('\n')}
      </pre>
    </div>
  );
}
