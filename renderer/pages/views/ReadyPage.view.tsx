// The page's view, loaded when the page is first shown (or when the browser is idle): the first page needs none of it.
import { MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ComponentSettings } from '../../../shared/components/component';
import { componentDefinition } from '../../../shared/components/registry';
import { api } from '../../api/client';
import { CheckGroups } from '../../components/PrerequisiteResults';
import { SaveSettingsFile } from '../../components/SaveSettingsFile';
import { InstallPlan } from '../../install/InstallPlan';
import { settingsOf } from '../../store/setup-slice';
import { useWizard } from '../../store/store';
import type { ReviewSection } from '../../wizard/page';
import { reviewSections } from '../../wizard/review';

/** Each chosen component's settings expanded on the target computer, in one record (no name is two components'). */
function useExpandedSettings() {
  const settings = useWizard((s) => s.settings);
  const components = useWizard(useShallow((s) => s.choices.components));
  const [state, setState] = useState<{ expanded: ComponentSettings | null; problems: string[]; error: string | null }>({ expanded: null, problems: [], error: null });
  useEffect(() => {
    let live = true;
    void Promise.all(components.map((component) => api.call('settings.expand', { component, settings: settingsOf({ settings }, component) }))).then((answers) => {
      if (!live) return;
      const failed = answers.find((r) => !r.ok);
      if (failed && !failed.ok) {
        setState({ expanded: null, problems: [], error: failed.error.message });
        return;
      }
      const done = answers.flatMap((r) => (r.ok ? [r.value] : []));
      setState({ expanded: { ...settings, ...Object.assign({}, ...done.map((d) => d.expanded)) }, problems: done.flatMap((d) => d.problems.map((p) => p.message)), error: null });
    });
    return () => {
      live = false;
    };
  }, [settings, components]);
  return state;
}

/** A component's settings file parameters: the value on this computer and, where it differs, as entered. */
function ParameterTable({ id, title, expanded }: { id: Parameters<typeof componentDefinition>[0]; title: string; expanded: ComponentSettings }) {
  const settings = useWizard((s) => s.settings);
  return (
    <section aria-label={title} className="review-section">
      <h2>{title}</h2>
      <Table size="small" aria-label={title}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Parameter</TableHeaderCell>
            <TableHeaderCell>Value on this computer</TableHeaderCell>
            <TableHeaderCell>As entered</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {componentDefinition(id).parameters.map((p) => (
            <TableRow key={p.name}>
              <TableHeaderCell scope="row" className="mono">{p.name}</TableHeaderCell>
              <TableCell>{expanded[p.name] || '—'}</TableCell>
              <TableCell>{settings[p.name] !== expanded[p.name] ? settings[p.name] : ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

function SectionTable({ section }: { section: ReviewSection }) {
  return (
    <section aria-label={section.title} className="review-section">
      <h2>{section.title}</h2>
      <Table size="small" aria-label={section.title}>
        <TableBody>
          {section.rows.map((row) => (
            <TableRow key={row.label}>
              <TableHeaderCell scope="row" className="review-label">
                {row.label}
              </TableHeaderCell>
              <TableCell>{row.value || '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

/** What the prerequisite gate found when Install was selected: the checks that stopped it. */
function GateRefusal() {
  const failed = useWizard((s) => s.gateRefusal);
  if (!failed || failed.length === 0) return null;
  return (
    <section aria-label="Prerequisites not met" className="review-section">
      <h2>Prerequisites not met</h2>
      <Text as="p">Install validated the prerequisites again before changing anything, and these checks failed. Nothing was changed on this computer.</Text>
      <CheckGroups results={failed} />
    </section>
  );
}

export function ReadyToInstall() {
  // What the review reads: the page re-renders when one of these changes, not on every change of the store.
  useWizard(useShallow((s) => [s.settings, s.choices, s.configureByComponent, s.session, s.modifiedInstance]));
  const state = useWizard.getState();
  const { expanded, problems, error } = useExpandedSettings();
  if (error) return <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>;
  if (!expanded) return <Spinner label="Expanding the settings…" />;
  const sections = reviewSections(state, expanded);
  // Nothing here takes focus, yet the review is longer than the window: the region itself is a tab stop, so the
  // keyboard can scroll it (axe: scrollable-region-focusable).
  return (
    <div className="form" tabIndex={0} role="region" aria-label="Choices to install">
      <Text as="p">Setup is ready to install with these choices. Tokens such as [WebSiteWorkingFolder] and %SystemDrive% are shown expanded for this computer.</Text>
      {problems.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{problems.join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      <GateRefusal />
      <InstallPlan />
      {sections.map((s) => (
        <SectionTable key={s.title} section={s} />
      ))}
      {state.choices.components.map((id) => (
        <ParameterTable
          key={id}
          id={id}
          expanded={expanded}
          // One component: the table Setup's users know; two: each named by its file.
          title={state.choices.components.length === 1 ? 'Settings file parameters' : `Settings file parameters: ${componentDefinition(id).settingsFileName}`}
        />
      ))}
      <SaveSettingsFile />
    </div>
  );
}
