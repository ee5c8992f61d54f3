import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { CheckResult, ValidationReport, ValidationStage } from '../../shared/prerequisites/report';
import { describeCounts, STATUS_LABELS, STATUS_ORDER } from '../../shared/prerequisites/report-text';
import { renderReportHtml } from '../../shared/prerequisites/report-html';
import { runValidation, useValidation } from '../prerequisites/validation-store';
import { SupportBundleButton } from './SupportBundleButton';

const GROUP_TITLES: Record<CheckResult['status'], string> = { error: 'Errors', warning: 'Warnings', passed: 'Passed', 'not-applicable': 'Not applicable' };

function ResultItem({ result }: { result: CheckResult }) {
  return (
    <li className={`check check-${result.status}`}>
      <details open={result.status === 'error'}>
        <summary>
          <span className="check-title">{result.title}</span> <span className="check-status">{STATUS_LABELS[result.status]}</span>
        </summary>
        <p>{result.details}</p>
        {result.fix && (
          <p>
            <strong>How to fix: </strong>
            {result.fix}
          </p>
        )}
      </details>
    </li>
  );
}

/** Check results grouped by status, errors first: the prerequisite pages, and Ready to install when the gate refuses. */
export function CheckGroups({ results }: { results: CheckResult[] }) {
  return (
    <>
      {STATUS_ORDER.map((status) => {
        const group = results.filter((r) => r.status === status);
        if (group.length === 0) return null;
        const title = `${GROUP_TITLES[status]} (${group.length})`;
        return (
          <section key={status} aria-label={title} className="check-group">
            <h2>{title}</h2>
            <ul className="checks">
              {group.map((r) => (
                <ResultItem key={r.id} result={r} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileBase(report: ValidationReport): string {
  return `cdx-prerequisites-${report.computer.name.replace(/[^A-Za-z0-9_-]/g, '_')}-${report.time.replace(/[:.]/g, '-')}`;
}

function Verdict({ report }: { report: ValidationReport }) {
  const { summary } = report;
  const intent = summary.outcome === 'error' ? 'error' : summary.outcome === 'warning' ? 'warning' : 'success';
  const text =
    summary.outcome === 'error'
      ? `${summary.errors} ${summary.errors === 1 ? 'error blocks' : 'errors block'} the installation. Fix ${summary.errors === 1 ? 'it' : 'them'}, then select Revalidate.`
      : summary.outcome === 'warning'
        ? `No errors. Review ${summary.warnings === 1 ? 'the warning' : `the ${summary.warnings} warnings`} before you continue.`
        : 'Every prerequisite is met.';
  return (
    <MessageBar intent={intent} role="status">
      <MessageBarBody>
        {text} {describeCounts(summary)}.
      </MessageBarBody>
    </MessageBar>
  );
}

/** Pages 5 and 8: the results grouped by status, each expandable, with Revalidate, the report and its export. */
export function PrerequisiteResults({ stage, intro }: { stage: ValidationStage; intro: string }) {
  const run = useValidation((s) => s.runs[stage]);
  const [viewing, setViewing] = useState(false);

  // Arriving on the page validates what was chosen so far.
  useEffect(() => {
    void runValidation(stage);
  }, [stage]);

  const report = run?.report ?? null;
  const results = report?.results ?? run?.streamed ?? [];
  return (
    <div className="form">
      <Text as="p">{intro}</Text>
      {run?.running && <Spinner size="small" label={`Validating… ${run.streamed.length} of ${run.total ?? '…'} checks done.`} />}
      {run?.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>The validation could not run: {run.error}</MessageBarBody>
        </MessageBar>
      )}
      {report && <Verdict report={report} />}
      {report && (
        <Text as="p" size={200}>
          {run?.savedTo ? `A copy of this report is kept with the Setup support files: ${run.savedTo}` : 'No copy of this report could be kept with the Setup support files: export it to keep it.'}
        </Text>
      )}
      <div className="button-row">
        <Button onClick={() => void runValidation(stage)} disabled={run?.running}>
          Revalidate
        </Button>
        <Button onClick={() => setViewing(true)} disabled={!report}>
          View report
        </Button>
        <Button onClick={() => report && download(`${fileBase(report)}.json`, 'application/json', `${JSON.stringify(report, null, 2)}\n`)} disabled={!report}>
          Export report (JSON)
        </Button>
        <Button onClick={() => report && download(`${fileBase(report)}.html`, 'text/html', renderReportHtml(report))} disabled={!report}>
          Save report (HTML)
        </Button>
        <SupportBundleButton />
      </div>
      <CheckGroups results={results} />
      {report && (
        <Dialog open={viewing} onOpenChange={(_e, d) => setViewing(d.open)}>
          <DialogSurface style={{ maxWidth: 960, width: '90vw' }}>
            <DialogBody>
              <DialogTitle>Prerequisite validation report</DialogTitle>
              <DialogContent>
                {/* The same self-contained HTML that is saved and sent; sandboxed, it can run nothing. */}
                <iframe title="Prerequisite validation report" sandbox="" srcDoc={renderReportHtml(report)} className="report-frame" />
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => setViewing(false)}>
                  Close
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </div>
  );
}
