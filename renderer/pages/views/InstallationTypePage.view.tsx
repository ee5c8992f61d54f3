// The page's view, loaded once the first page is up.
import { Field, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useWizard } from '../../store/store';

export function InstallationType() {
  const type = useWizard((s) => s.choices.installationType);
  return (
    <>
      <Field label="Installation type">
        <RadioGroup value={type}>
          <Radio value="custom" label="Custom installation" />
        </RadioGroup>
      </Field>
      <Text as="p">Custom installation lets you choose the Commerce Data Exchange components to install on this computer.</Text>
    </>
  );
}
