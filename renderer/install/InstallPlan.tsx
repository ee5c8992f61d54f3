import { MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PlanConfiguration, PlanStep } from '../../shared/contract/install-schemas';
import { api } from '../api/client';
import { useWizard } from '../store/store';

type PlanView = { steps: PlanStep[]; notes: string[]; instance: string; configuration: PlanConfiguration | null } | { error: string } | null;

/** The plan in words on Ready to install; steps already in place are marked, so a modify shows its difference. */
export function InstallPlan() {
  const settings = useWizard((s) => s.settings);
  const choices = useWizard((s) => s.choices);
  const [view, setView] = useState<PlanView>(null);
  useEffect(() => {
    let live = true;
    const { configure, components, database } = choices;
    void api.call('install.plan', { settings, choices: { configure, components, database } }).then((r) => {
      if (live) setView(r.ok ? r.value : { error: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [settings, choices]);
  if (view === null) return <Spinner size="tiny" label="Preparing the plan…" />;
  if ('error' in view) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>The installation cannot be planned: {view.error}</MessageBarBody>
      </MessageBar>
    );
  }
  const changes = view.steps.filter((s) => !s.done).length;
  return (
    <section aria-label="Installation plan" className="review-section">
      <h2>Installation plan</h2>
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
