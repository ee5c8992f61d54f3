import { MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PlanConfiguration, PlanStep } from '../../shared/contract/install-schemas';
import type { ComponentId } from '../../shared/components/ids';
import { componentDefinition } from '../../shared/components/registry';
import { api } from '../api/client';
import { configureOf, settingsOf } from '../store/setup-slice';
import { useWizard } from '../store/store';

type PlanView = { steps: PlanStep[]; notes: string[]; instance: string; configuration: PlanConfiguration | null } | { error: string } | null;

/** The plan of every component chosen, each its own installation, in Setup's order. */
export function InstallPlan() {
  const components = useWizard((s) => s.choices.components);
  return (
    <>
      {components.map((id) => (
        <ComponentPlan key={id} component={id} title={components.length === 1 ? 'Installation plan' : `Installation plan: ${componentDefinition(id).title}`} />
      ))}
    </>
  );
}

/** The plan in words on Ready to install; steps already in place are marked, so a modify shows its difference. */
function ComponentPlan({ component, title }: { component: ComponentId; title: string }) {
  const settings = useWizard((s) => s.settings);
  const choices = useWizard((s) => s.choices);
  const configure = useWizard((s) => configureOf(s, component));
  const [view, setView] = useState<PlanView>(null);
  useEffect(() => {
    let live = true;
    const { components, database, streaming } = choices;
    void api.call('install.plan', { component, settings: settingsOf({ settings }, component), choices: { configure, components, database, streaming } }).then((r) => {
      if (live) setView(r.ok ? r.value : { error: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [component, settings, choices, configure]);
  if (view === null) return <Spinner size="tiny" label="Preparing the plan…" />;
  if ('error' in view) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>The installation of {componentDefinition(component).title} cannot be planned: {view.error}</MessageBarBody>
      </MessageBar>
    );
  }
  const changes = view.steps.filter((s) => !s.done).length;
  return (
    <section aria-label={title} className="review-section">
      <h2>{title}</h2>
      <Text as="p" block>
        {changes === 0
          ? `Instance ${view.instance}: everything is already in place; installing will change nothing.`
          : `Instance ${view.instance}: ${changes} of ${view.steps.length} steps will change this computer. If one fails, Setup undoes the others.`}
      </Text>
      {view.notes.map((n) => (
        <Text as="p" block key={n}>
          {n}
        </Text>
      ))}
      <ol aria-label="Installation steps">
        {view.steps.map((s) => (
          <li key={s.id}>
            {s.description}
            {s.done ? ' — already in place' : ''}
          </li>
        ))}
      </ol>
      {view.configuration && <ConfigurationValues configuration={view.configuration} />}
    </section>
  );
}

/** The values written into the application's configuration file, each with the XML node that receives it. */
function ConfigurationValues({ configuration }: { configuration: PlanConfiguration }) {
  return (
    <>
      <h3>Application configuration</h3>
      <Text as="p" block>
        Written into {configuration.file}; the rest of the file stays as the application ships it.
      </Text>
      <Table size="small" aria-label="Application configuration">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Value</TableHeaderCell>
            <TableHeaderCell>Written</TableHeaderCell>
            <TableHeaderCell>XML node</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {configuration.values.map((v) => (
            <TableRow key={v.location}>
              <TableHeaderCell scope="row">{v.label}</TableHeaderCell>
              <TableCell className="mono">{v.value || '(empty)'}</TableCell>
              <TableCell className="mono">{v.location}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
