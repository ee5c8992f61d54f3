import { useMemo } from 'react';
import { type FieldIssue } from '../../shared/settings/rules';
import { validateSettings } from '../../shared/components/async-server/rules';
import { useSecrets } from '../store/secrets';
import { useWizard, type WizardStore } from '../store/store';

/** The shared field rules over the current entries: derived, never stored. */
export function issuesOf(state: WizardStore, passwordProvided: boolean): FieldIssue[] {
  return validateSettings(state.settings, { configure: state.choices.configure, passwordProvided });
}

export function useFieldIssues(): FieldIssue[] {
  const settings = useWizard((s) => s.settings);
  const configure = useWizard((s) => s.choices.configure);
  const passwordProvided = useSecrets((s) => s.appPoolPassword !== '');
  return useMemo(() => validateSettings(settings, { configure, passwordProvided }), [settings, configure, passwordProvided]);
}
