// The page's view, loaded when the page is first shown (or when the browser is idle): the first page needs none of it.
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { SupportBundleButton } from '../../components/SupportBundleButton';
import { useWizard } from '../../store/store';

/** The guide's tasks after Async Server is installed ("Next steps"). */
export const AFTER_INSTALL_TASKS = [
  'In the Retail scheduler parameters form, set the message database information, then click Sync metadata.',
  'Create a scheduler profile for Async Server, with its download and upload intervals.',
  'Set up the working folders for Commerce Data Exchange.',
];

export function Finish() {
  const run = useWizard((s) => s.installRun);
  const [copied, setCopied] = useState(false);
  const result = run?.result;
  if (!result) return <Text as="p">No installation has run in this session.</Text>;
  const success = result.outcome === 'installed' || result.outcome === 'unchanged';
  // From the engine's run, so that a reloaded window still shows it.
  const url = run.asyncServerUrl;
  return (
    <div className="form">
      <MessageBar intent={success ? 'success' : 'error'} layout="multiline">
        <MessageBarBody>{result.message}</MessageBarBody>
      </MessageBar>
      {success && url && (
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
      )}
      <Field label="Log file">
        <Input readOnly value={result.logFile} aria-label="Log file" className="mono" />
      </Field>
      <div className="button-row">
        <SupportBundleButton />
      </div>
      {success && (
        <section aria-label="After installation" className="review-section">
          <h2>After installation</h2>
          <Text as="p">Complete these tasks in Microsoft Dynamics AX:</Text>
          {AFTER_INSTALL_TASKS.map((task) => (
            <Checkbox key={task} label={task} />
          ))}
        </section>
      )}
    </div>
  );
}
