// The page's view, loaded once the first page is up (or, when it is the first page, before that shows).
import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { InstallationOption } from '../../../shared/contract/schemas';
import { InstanceChoice, useInstalledInstances } from '../../install/InstanceChoice';
import { useActions, useWizard } from '../../store/store';
import { INSTALLATION_OPTIONS } from '../installation-options';

export function InstallationOptionChoice() {
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
