// The page's view, loaded once the first page is up.
import { Checkbox, Text } from '@fluentui/react-components';
import type { ComponentId } from '../../../shared/contract/schemas';
import { useActions, useWizard } from '../../store/store';

const COMPONENTS: { id: ComponentId; label: string; description: string }[] = [
  {
    id: 'async-server',
    label: 'Async Server',
    description: 'Installed at headquarters; communicates with Microsoft Dynamics AX. The Retail Salt Utility is installed with it.',
  },
];

export function Components() {
  const selected = useWizard((s) => s.choices.components);
  const error = useWizard((s) => s.pageError);
  const { setChoices, setPageError } = useActions();
  return (
    // The shell announces the page error (role alert); here it only describes the group, or it would be read twice.
    <fieldset className="plain-fieldset" aria-describedby={error ? 'components-error' : undefined}>
      <legend>Commerce Data Exchange</legend>
      {COMPONENTS.map((c) => (
        <div key={c.id}>
          <Checkbox
            label={c.label}
            checked={selected.includes(c.id)}
            onChange={(_e, d) => {
              setPageError(null);
              setChoices({ components: d.checked ? [...selected, c.id] : selected.filter((x) => x !== c.id) });
            }}
          />
          <Text as="p" size={200} className="indented">
            {c.description}
          </Text>
        </div>
      ))}
      {error && (
        <Text id="components-error" className="error-text">
          {error}
        </Text>
      )}
    </fieldset>
  );
}
