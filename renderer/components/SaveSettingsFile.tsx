import { Button, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ComponentId } from '../../shared/components/ids';
import { componentDefinition } from '../../shared/components/registry';
import { api } from '../api/client';
import { configureOf, settingsOf } from '../store/setup-slice';
import { useWizard } from '../store/store';

interface Outcome {
  intent: 'success' | 'error';
  /** One sentence per component's file, in Setup's order. */
  lines: string[];
}

/** A location field's label: Setup's "Settings file location", named by its file when there are two. */
function locationLabel(id: ComponentId, components: readonly ComponentId[]): string {
  return components.length === 1 ? 'Settings file location' : `Settings file location: ${componentDefinition(id).settingsFileName}`;
}

/**
 * Save settings on Ready to install: the engine writes each chosen component's canonical settings file
 * (ss-settings.xml, sc-settings.xml) on the target computer, for unattended replay, one file per component, in
 * Setup's order, each where its location field says (proposed: named after its instance). The requests carry no
 * password, so none can be written.
 */
export function SaveSettingsFile() {
  const components = useWizard(useShallow((s) => s.choices.components));
  // The proposals follow the instances' names (the files are named after them), not every change of the settings.
  const instances = useWizard(useShallow((s) => s.choices.components.map((id) => componentDefinition(id).instanceName(settingsOf(s, id)))));
  const computer = useWizard((s) => s.session?.host.computerName ?? 'the target computer');
  const [paths, setPaths] = useState<Partial<Record<ComponentId, string>>>({});
  const [edited, setEdited] = useState<Partial<Record<ComponentId, boolean>>>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    let live = true;
    const state = useWizard.getState();
    for (const component of components) {
      if (edited[component]) continue;
      void api.call('settingsFile.suggestPath', { component, settings: settingsOf(state, component) }).then((r) => live && r.ok && setPaths((p) => ({ ...p, [component]: r.value.path })));
    }
    return () => {
      live = false;
    };
  }, [components, instances, edited]);

  const pathOf = (id: ComponentId) => paths[id] ?? '';
  const save = async () => {
    const chosen = pathOf(components[0]).trim().toLowerCase();
    if (components.length > 1 && components.slice(1).some((id) => pathOf(id).trim().toLowerCase() === chosen)) {
      setOutcome({ intent: 'error', lines: ['Each component\'s settings go in a file of their own: give each settings file location its own name. Nothing was saved.'] });
      return;
    }
    const state = useWizard.getState();
    setBusy(true);
    const lines: string[] = [];
    // One after the other: a file that cannot be written leaves the next one unwritten, and says so.
    for (const [i, component] of components.entries()) {
      const definition = componentDefinition(component);
      const choices = { ...state.choices, configure: configureOf(state, component) };
      const result = await api.call('settingsFile.save', { component, path: pathOf(component), settings: settingsOf(state, component), choices });
      if (!result.ok) {
        const left = components.slice(i + 1).map((id) => componentDefinition(id).settingsFileName);
        lines.push(`${definition.title}'s ${definition.settingsFileName} was not saved: ${result.error.message}`, ...(left.length ? [`Not saved either: ${left.join(', ')}.`] : []));
        setBusy(false);
        setOutcome({ intent: 'error', lines });
        return;
      }
      lines.push(`${result.value.replaced ? 'Replaced' : 'Saved'} the settings in ${result.value.path} on ${computer}. No password is in the file: ${definition.passwordHeader.join(' ')}`);
    }
    setBusy(false);
    setOutcome({ intent: 'success', lines });
  };

  const files = components.map((id) => componentDefinition(id).settingsFileName);
  return (
    <section aria-label="Save settings" className="review-section">
      <h2>Save settings</h2>
      <Text as="p">
        Save these choices as {files.length === 1 ? `an ${files[0]}` : `one settings file per component (${files.join(', ')})`} on {computer}, to replay them
        unattended with the command line.
      </Text>
      <div className="save-settings">
        {components.map((id) => (
          <Field key={id} label={locationLabel(id, components)}>
            <Input
              value={pathOf(id)}
              onChange={(_e, d) => {
                setPaths((p) => ({ ...p, [id]: d.value }));
                setEdited((e) => ({ ...e, [id]: true }));
                setOutcome(null);
              }}
            />
          </Field>
        ))}
        <Button onClick={() => void save()} disabled={busy || components.some((id) => pathOf(id).trim() === '')}>
          Save settings
        </Button>
      </div>
      {outcome && (
        <MessageBar intent={outcome.intent} layout="multiline" role={outcome.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>
            {outcome.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
