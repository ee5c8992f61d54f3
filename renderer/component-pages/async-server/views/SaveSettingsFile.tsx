import { Button, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { settingsOf } from '../../../store/setup-slice';
import { useWizard } from '../../../store/store';

/**
 * Save settings on Ready to install: the engine writes the canonical ss-settings.xml of these choices on the target
 * computer, for unattended replay. The request carries no password, so none can be written.
 */
export function SaveSettingsFile() {
  const webApplicationName = useWizard((s) => s.settings.WebApplicationName);
  const computer = useWizard((s) => s.session?.host.computerName ?? 'the target computer');
  const [path, setPath] = useState('');
  const [edited, setEdited] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    if (edited) return;
    let live = true;
    void api.call('settingsFile.suggestPath', { component: 'async-server', settings: settingsOf(useWizard.getState(), 'async-server') }).then((r) => live && r.ok && setPath(r.value.path));
    return () => {
      live = false;
    };
  }, [webApplicationName, edited]);

  const save = async () => {
    const state = useWizard.getState();
    setBusy(true);
    // The file saved is ss-settings.xml: Async Server's parameters.
    const result = await api.call('settingsFile.save', { component: 'async-server', path, settings: settingsOf(state, 'async-server'), choices: state.choices });
    setBusy(false);
    setOutcome(
      result.ok
        ? {
            intent: 'success',
            text: `${result.value.replaced ? 'Replaced' : 'Saved'} the settings in ${result.value.path} on ${computer}. The password is not in the file: it is asked for when the file is deployed (prompt, --credential-file or CDX_SETUP_PASSWORD).`,
          }
        : { intent: 'error', text: result.error.message },
    );
  };

  return (
    <section aria-label="Save settings" className="review-section">
      <h2>Save settings</h2>
      <Text as="p">Save these choices as an ss-settings.xml on {computer}, to replay them unattended with the command line.</Text>
      <div className="save-settings">
        <Field label="Settings file location">
          <Input
            value={path}
            onChange={(_e, d) => {
              setPath(d.value);
              setEdited(true);
              setOutcome(null);
            }}
          />
        </Field>
        <Button onClick={() => void save()} disabled={busy || path.trim() === ''}>
          Save settings
        </Button>
      </div>
      {outcome && (
        <MessageBar intent={outcome.intent} layout="multiline" role={outcome.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
