// The page's view, loaded when the page is first shown (or when the browser is idle): the first page needs none of it.
import { MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PARAMETERS, type Settings } from '../../../shared/components/async-server/parameters';
import { api } from '../../api/client';
import { CheckGroups } from '../../components/PrerequisiteResults';
import { SaveSettingsFile } from '../../components/SaveSettingsFile';
import { InstallPlan } from '../../install/InstallPlan';
import { useWizard } from '../../store/store';
import type { ReviewSection } from '../../wizard/page';
import { reviewSections } from '../../wizard/review';

function useExpandedSettings() {
  const settings = useWizard((s) => s.settings);
  const [state, setState] = useState<{ expanded: Settings | null; problems: string[]; error: string | null }>({ expanded: null, problems: [], error: null });
  useEffect(() => {
    let live = true;
    void api.call('settings.expand', { settings }).then((r) => {
      if (!live) return;
      if (r.ok) setState({ expanded: r.value.expanded, problems: r.value.problems.map((p) => p.message), error: null });
      else setState({ expanded: null, problems: [], error: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [settings]);
  return state;
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
  useWizard(useShallow((s) => [s.settings, s.choices, s.session, s.modifiedInstance]));
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
      <section aria-label="Settings file parameters" className="review-section">
        <h2>Settings file parameters</h2>
        <Table size="small" aria-label="Settings file parameters">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Parameter</TableHeaderCell>
              <TableHeaderCell>Value on this computer</TableHeaderCell>
              <TableHeaderCell>As entered</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {PARAMETERS.map((p) => (
              <TableRow key={p.name}>
                <TableHeaderCell scope="row" className="mono">{p.name}</TableHeaderCell>
                <TableCell>{expanded[p.name] || '—'}</TableCell>
                <TableCell>{state.settings[p.name] !== expanded[p.name] ? state.settings[p.name] : ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      <SaveSettingsFile />
    </div>
  );
}
