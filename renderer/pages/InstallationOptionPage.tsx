import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { InstallationOption } from '../../shared/contract/schemas';
import { useActions, useWizard } from '../store/store';
import type { WizardPage } from '../wizard/page';

export const INSTALLATION_OPTIONS: { value: InstallationOption; label: string; description: string }[] = [
  { value: 'components', label: 'Commerce Data Exchange components', description: 'Install Async Server and configure it.' },
  { value: 'validate-only', label: 'Validate prerequisites only', description: 'Check this computer and export the report; nothing is installed.' },
];

function InstallationOptionChoice() {
  const option = useWizard((s) => s.choices.option);
  const { setChoices } = useActions();
  return (
    <Field label="Installation option">
      <RadioGroup value={option} onChange={(_e, d) => setChoices({ option: d.value as InstallationOption })}>
        {INSTALLATION_OPTIONS.map((o) => (
          <Radio key={o.value} value={o.value} label={o.label} />
        ))}
      </RadioGroup>
    </Field>
  );
}

export const installationOptionPage: WizardPage = {
  id: 'installation-option',
  title: 'Select an installation option',
  component: InstallationOptionChoice,
  review: (s) => ({
    title: 'Installation',
    rows: [
      { label: 'Installation option', value: INSTALLATION_OPTIONS.find((o) => o.value === s.choices.option)?.label ?? s.choices.option },
      { label: 'Installation type', value: 'Custom installation' },
    ],
  }),
};
