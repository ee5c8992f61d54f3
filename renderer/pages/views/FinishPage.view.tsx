// The page's view, loaded when the page is first shown (or when the browser is idle): the first page needs none of it.
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ResponseOf } from '../../../shared/contract/api';
import { componentDefinition } from '../../../shared/components/registry';
import { api } from '../../api/client';
import { componentWizard } from '../../component-pages/registry';
import { SupportBundleButton } from '../../components/SupportBundleButton';
import type { FinishedInstall } from '../../store/install-slice';
import { useWizard } from '../../store/store';

type Summary = ResponseOf<'instances.summary'>;

/** What the instance's component says of it now (Async Client: its service and the service's state). */
function useSummary(instance: string, wanted: boolean): Summary | null {
  const [summary, setSummary] = useState<Summary | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void api.call('instances.summary', { name: instance }).then((r) => live && r.ok && setSummary(r.value));
    return () => {
      live = false;
    };
  }, [instance, wanted]);
  return summary;
}

function CopyableUrl({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Field label="Async Server URL" hint="Async Client needs this address.">
      <div className="row">
        <Input readOnly value={url} aria-label="Async Server URL" className="mono grow" />
        <Button
          onClick={() =>
            void navigator.clipboard?.writeText(url).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? 'Copied' : 'Copy URL'}
        </Button>
      </div>
    </Field>
  );
}

/** One run's outcome: the message, what the component reports of its instance, the log, the tasks after it. */
function Installed({ install, headed }: { install: Omit<FinishedInstall, 'component'> & { component: FinishedInstall['component'] | null }; headed: boolean }) {
  const success = install.outcome === 'installed' || install.outcome === 'unchanged';
  const summary = useSummary(install.instance, success);
  const component = install.component ?? summary?.component ?? null;
  const title = component ? `${componentDefinition(component).title}: ${install.instance}` : install.instance;
  const body = (
    <>
      <MessageBar intent={success ? 'success' : 'error'} layout="multiline">
        <MessageBarBody>{install.message}</MessageBarBody>
      </MessageBar>
      {success && install.asyncServerUrl && <CopyableUrl url={install.asyncServerUrl} />}
      {summary && summary.rows.length > 0 && (
        <Table size="small" aria-label={`Installed: ${title}`}>
          <TableBody>
            {summary.rows.map((row) => (
              <TableRow key={row.label}>
                <TableHeaderCell scope="row" className="review-label">
                  {row.label}
                </TableHeaderCell>
                <TableCell>{row.value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Field label={headed ? `Log file of ${install.instance}` : 'Log file'}>
        <Input readOnly value={install.logFile} className="mono" />
      </Field>
      {success && component && (
        <section aria-label={headed ? `After installing ${componentDefinition(component).title}` : 'After installation'} className="review-section">
          <h2>{headed ? `After installing ${componentDefinition(component).title}` : 'After installation'}</h2>
          <Text as="p">Complete these tasks in Microsoft Dynamics AX:</Text>
          {componentWizard(component).afterInstallTasks.map((task) => (
            <Checkbox key={task} label={task} />
          ))}
        </section>
      )}
    </>
  );
  return headed ? (
    <section aria-label={title} className="review-section form">
      <h2>{title}</h2>
      {body}
    </section>
  ) : (
    body
  );
}

export function Finish() {
  const run = useWizard((s) => s.installRun);
  const finished = useWizard(useShallow((s) => s.finishedInstalls));
  // From the engine's run when this session did not start it (a reloaded window): its component comes with its summary.
  const installs = finished.length > 0 ? finished : run?.result ? [{ component: null, instance: run.instance, outcome: run.result.outcome, message: run.result.message, logFile: run.result.logFile, asyncServerUrl: run.asyncServerUrl }] : [];
  if (installs.length === 0) return <Text as="p">No installation has run in this session.</Text>;
  return (
    <div className="form">
      {installs.map((install) => (
        <Installed key={install.instance} install={install} headed={installs.length > 1} />
      ))}
      <div className="button-row">
        <SupportBundleButton />
      </div>
    </div>
  );
}
