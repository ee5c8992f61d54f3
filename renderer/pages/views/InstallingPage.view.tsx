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

function InterruptedRun() {
  const interrupted = useWizard((s) => s.interruptedRun);
  // The password lives in the secrets store, as on Configure Async Server, and leaves it only in the request.
  const password = useSecrets((s) => s.appPoolPassword);
  const setPassword = useSecrets((s) => s.setAppPoolPassword);
  const [error, setError] = useState<string | null>(null);
  if (!interrupted) return null;
  const recover = async (action: 'rollback' | 'resume') => {
    const r = await api.call('install.recover', { action, appPoolPassword: action === 'resume' ? password : '' });
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
      {interrupted.needsPassword && (
        <Field label="Password" hint="The app pool user's password, needed to resume.">
          <Input type="password" autoComplete="off" value={password} onChange={(_e, d) => setPassword(d.value)} />
        </Field>
      )}
      <div className="row">
        <Button appearance="primary" onClick={() => void recover('rollback')}>
          Roll back
        </Button>
        <Button onClick={() => void recover('resume')} disabled={interrupted.needsPassword && password === ''}>
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
