// The page's view, loaded once the first page is up.
import { Checkbox, Text } from '@fluentui/react-components';
import { componentDefinition } from '../../../shared/components/registry';
import { componentWizards } from '../../component-pages/registry';
import { useActions, useWizard } from '../../store/store';

const COMPONENTS = componentWizards().map((c) => ({ id: c.id, label: componentDefinition(c.id).title, description: c.description }));

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
              // In Setup's order, whatever the order of the clicks: the pages and the installations follow it.
              const next = d.checked ? [...selected, c.id] : selected.filter((x) => x !== c.id);
              setChoices({ components: COMPONENTS.map((x) => x.id).filter((id) => next.includes(id)) });
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
