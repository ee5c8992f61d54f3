import { Button, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useWizard } from '../../../store/store';
import { useConnectionStatus, type ConnectionReport } from '../connection-status';

const MARK = { passed: 'Passed', failed: 'Failed', skipped: 'Skipped' } as const;

/** The certificate the server presented, named as Windows' certificate dialog names it, when trust is in question. */
function PresentedCertificate({ report }: { report: ConnectionReport }) {
  const c = report.certificate;
  const doubted = report.steps.some((s) => (s.id === 'certificate-trusted' || s.id === 'certificate-name') && s.status === 'failed');
  if (!c || !doubted) return null;
  return (
    <dl className="certificate" aria-label="Presented certificate">
      <dt>Subject</dt>
      <dd>{c.subject}</dd>
      <dt>Issuer</dt>
      <dd>{c.issuer}{c.selfSigned ? ' (self-signed)' : ''}</dd>
      <dt>Thumbprint</dt>
      <dd className="mono">{c.thumbprint}</dd>
      <dt>Valid</dt>
      <dd>{`${c.notBefore.slice(0, 10)} to ${c.notAfter.slice(0, 10)}`}</dd>
      <dt>DNS names</dt>
      <dd>{c.dnsNames.join(', ') || '(none)'}</dd>
    </dl>
  );
}

/** Test connection: each step of the probe with its answer and, when it failed, what to do. */
export function TestConnection({ disabled }: { disabled: boolean }) {
  const { report, error, testing, test } = useConnectionStatus();
  const url = useWizard((s) => s.settings.SynchServiceHeadOfficeURL);
  const streaming = useWizard((s) => s.choices.streaming === true);
  return (
    <div className="form">
      <div className="row">
        <Button onClick={() => void test(url, streaming)} disabled={disabled || testing || url.trim() === ''}>
          Test connection
        </Button>
        {testing && <Spinner size="tiny" label="Connecting to Async Server…" />}
      </div>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <section aria-label="Connection test" className="review-section">
          <Text as="p" role="status" weight="semibold">
            {report.ok ? `This computer reaches Async Server at ${report.url}.` : `This computer cannot use Async Server at ${report.url} yet: see the failed step.`}
          </Text>
          <ul className="checks" aria-label="Connection test steps">
            {report.steps.map((step) => (
              <li key={step.id} className={`check check-${step.status === 'failed' ? 'error' : step.status === 'passed' ? 'passed' : 'skipped'}`}>
                <span className="check-title">{step.name}</span>
                <span className="check-status">{MARK[step.status]}</span>
                <p>{step.message}</p>
                {step.fix && <p>{step.fix}</p>}
              </li>
            ))}
          </ul>
          <PresentedCertificate report={report} />
        </section>
      )}
    </div>
  );
}
