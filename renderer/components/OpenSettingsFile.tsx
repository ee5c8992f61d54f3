import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useRef, useState, type ChangeEvent } from 'react';
import { MAX_SETTINGS_FILE_BYTES } from '../../shared/settings/file-limits';
import { problemSentence, type SettingsFileProblem } from '../../shared/settings/file-problem';
import { componentDefinition, componentDefinitions } from '../../shared/components/registry';
import { api } from '../api/client';
import { useActions } from '../store/store';

interface Outcome {
  intent: 'success' | 'warning' | 'error';
  text: string;
  problems: SettingsFileProblem[];
}

/** Bytes as base64, in slices: the engine decodes them itself, so UTF-16 files arrive intact. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Open settings file: an ss-settings.xml, an sc-settings.xml or an AX Setup parameter file fills in every page. The file is read here,
 * in the renderer (the same in Electron and in the console), and parsed by the engine; a file with errors changes
 * nothing.
 */
export function OpenSettingsFile() {
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { setSetting, setChoices, setComponentConfigure, setDatabaseChoice } = useActions();

  const open = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_SETTINGS_FILE_BYTES) {
      setOutcome({ intent: 'error', text: `${file.name} is ${file.size} bytes long; settings files over ${MAX_SETTINGS_FILE_BYTES / 1024} KiB are refused. Nothing was changed.`, problems: [] });
      return;
    }
    const contentBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
    const result = await api.call('settingsFile.open', { name: file.name, contentBase64 });
    if (!result.ok) {
      setOutcome({ intent: 'error', text: `${result.error.message} Nothing was changed.`, problems: [] });
      return;
    }
    const { settings, components, choices, problems, format } = result.value;
    if (problems.some((p) => p.severity === 'error')) {
      setOutcome({ intent: 'error', text: `${file.name} was not used: correct these problems and open it again. Nothing was changed.`, problems });
      return;
    }
    // As if typed: a thumbprint copied with spaces is cleaned, as the thumbprint field does.
    for (const id of components) {
      const definition = componentDefinition(id);
      const cleaned = definition.normalize(Object.fromEntries(definition.parameters.map((p) => [p.name, settings[p.name] ?? p.defaultValue])));
      for (const [name, value] of Object.entries(cleaned)) setSetting(name, value);
    }
    // The file's Configure choice is its components': the first component's check box is choices.configure, the
    // others keep their own (setup-slice's configureOf); an sc-settings.xml leaves Async Server's as it was.
    const { configure } = choices;
    if (configure !== undefined) {
      for (const id of components) {
        if (id === componentDefinitions()[0].id) setChoices({ configure });
        else setComponentConfigure(id, configure);
      }
    }
    // The file's components are the ones to install, unless the wizard's own choice was saved in it.
    setChoices({ components: choices.components ?? components });
    if (choices.database) setDatabaseChoice(choices.database);
    if (choices.streaming !== undefined) setChoices({ streaming: choices.streaming });
    setOutcome({
      intent: problems.length ? 'warning' : 'success',
      text: `Opened ${file.name} (${format}): the pages are filled in with its values. A settings file holds no password: enter the passwords on the pages that ask for them.`,
      problems,
    });
  };

  return (
    <section aria-label="Settings file" className="settings-file">
      <Text as="p">To fill in every page from an ss-settings.xml, an sc-settings.xml or an AX Setup parameter file, open it.</Text>
      <Button onClick={() => input.current?.click()}>Open settings file</Button>
      <input ref={input} type="file" accept=".xml,.txt,.ini" hidden onChange={(e) => void open(e)} />
      {outcome && (
        <MessageBar intent={outcome.intent} layout="multiline" role={outcome.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>
            {outcome.text}
            {outcome.problems.length > 0 && (
              <ul aria-label="Settings file problems">
                {outcome.problems.map((p, i) => (
                  <li key={i}>
                    {p.line !== undefined ? `Line ${p.line}: ` : ''}
                    {problemSentence(p)}
                  </li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
