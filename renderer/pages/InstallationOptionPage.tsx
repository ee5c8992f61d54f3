import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { InstallationOption } from '../../shared/contract/schemas';
import { InstanceChoice, useInstalledInstances } from '../install/InstanceChoice';
import { useActions, useWizard } from '../store/store';
import type { WizardPage } from '../wizard/page';

export const INSTALLATION_OPTIONS: { value: InstallationOption; label: string; description: string }[] = [
  { value: 'components', label: 'Commerce Data Exchange components', description: 'Install the Commerce Data Exchange components you select, and configure them.' },
  { value: 'validate-only', label: 'Validate prerequisites only', description: 'Check this computer and export the report; nothing is installed.' },
  { value: 'modify', label: 'Add or modify components', description: 'Change an installed instance; Ready to install shows only the difference.' },
];

// Not in a chunk of its own: it is the first page on every run after the first on a computer.
function InstallationOptionChoice() {
  const option = useWizard((s) => s.choices.option);
  const { setChoices } = useActions();
  const instances = useInstalledInstances();
  // Add or modify components exists only once an instance does.
  const options = INSTALLATION_OPTIONS.filter((o) => o.value !== 'modify' || instances.length > 0);
  return (
    <>
      <Field label="Installation option">
        <RadioGroup value={option} onChange={(_e, d) => setChoices({ option: d.value as InstallationOption })}>
          {options.map((o) => (
            <Radio key={o.value} value={o.value} label={o.label} />
          ))}
        </RadioGroup>
      </Field>
      {option === 'modify' && instances.length > 0 && <InstanceChoice instances={instances} />}
    </>
  );
}

export const installationOptionPage: WizardPage = {
  id: 'installation-option',
  title: 'Select an installation option',
  component: InstallationOptionChoice,
  // Without the instance, its own ports would read as busy and its settings would not be loaded.
  beforeNext: async (s) => (s.choices.option === 'modify' && s.modifiedInstance === '' ? 'Select the installed instance to modify.' : null),
  review: (s) => ({
    title: 'Installation',
    rows: [
      { label: 'Installation option', value: INSTALLATION_OPTIONS.find((o) => o.value === s.choices.option)?.label ?? s.choices.option },
      ...(s.choices.option === 'modify' ? [{ label: 'Installed instance', value: s.modifiedInstance }] : []),
      { label: 'Installation type', value: 'Custom installation' },
    ],
  }),
};
