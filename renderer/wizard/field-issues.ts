import { type FieldIssue } from '../../shared/settings/rules';
import { validateSettings, type FieldId } from '../../shared/components/async-server/rules';
import { useSecrets } from '../store/secrets';
import { useWizard, type WizardStore } from '../store/store';

let last: { settings: WizardStore['settings']; configure: boolean; passwordProvided: boolean; issues: FieldIssue[] } | null = null;

/**
 * The shared field rules over the current entries: derived, never stored. Every field's selector asks on each
 * change of the store, so the rules run once per change of what they read, not once per field.
 */
export function issuesOf(state: Pick<WizardStore, 'settings' | 'choices'>, passwordProvided: boolean): FieldIssue[] {
  const { settings } = state;
  const { configure } = state.choices;
  if (last?.settings !== settings || last.configure !== configure || last.passwordProvided !== passwordProvided) {
    last = { settings, configure, passwordProvided, issues: validateSettings(settings, { configure, passwordProvided }) };
  }
  return last.issues;
}

/** The one message a field shows: its first error, else its first warning, else none. */
export function messageFor(issues: FieldIssue[], field: FieldId): FieldIssue | null {
  const mine = issues.filter((i) => i.field === field);
  return mine.find((i) => i.severity === 'error') ?? mine[0] ?? null;
}

/** A field's message shows once the user has typed in it, or once Next was tried on its page. */
export function shownMessage(state: WizardStore, field: FieldId, passwordProvided: boolean): FieldIssue | null {
  if (!state.attemptedNext && !state.touched.includes(field)) return null;
  return messageFor(issuesOf(state, passwordProvided), field);
}

/**
 * The message to show under a field, selected as two plain values: typing in another field re-runs the rules but
 * re-renders this one only when its own message changes.
 */
export function useFieldMessage(field: FieldId): Pick<FieldIssue, 'severity' | 'message'> | null {
  const passwordProvided = useSecrets((s) => s.appPoolPassword !== '');
  const severity = useWizard((s) => shownMessage(s, field, passwordProvided)?.severity ?? null);
  const message = useWizard((s) => shownMessage(s, field, passwordProvided)?.message ?? null);
  return severity && message !== null ? { severity, message } : null;
}
