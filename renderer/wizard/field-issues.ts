import { componentDefinitions } from '../../shared/components/registry';
import { type FieldIssue } from '../../shared/settings/rules';
import { secretsProvided, useSecrets, type SecretsProvided } from '../store/secrets';
import { configureOf, settingsOf } from '../store/setup-slice';
import { useWizard, type WizardStore } from '../store/store';

type RuleInput = Pick<WizardStore, 'settings' | 'choices' | 'configureByComponent'>;

let last: { settings: WizardStore['settings']; configure: string; provided: string; issues: FieldIssue[] } | null = null;

/** `true`/`false` alone: whether the app pool password was entered (the other passwords were not). */
function providedOf(provided: boolean | SecretsProvided): SecretsProvided {
  return typeof provided === 'boolean' ? { appPoolPassword: provided, servicePassword: false, connectionPassword: false } : provided;
}

/**
 * The shared field rules of every component over the current entries: derived, never stored. Field ids are
 * parameter (or password) names, which no two components share, so each page picks its own. Every field's selector
 * asks on each change of the store, so the rules run once per change of what they read, not once per field.
 */
export function issuesOf(state: RuleInput, provided: boolean | SecretsProvided): FieldIssue[] {
  const secrets = providedOf(provided);
  const configure = componentDefinitions().map((d) => configureOf(state, d.id)).join();
  const key = `${secrets.appPoolPassword}${secrets.servicePassword}${secrets.connectionPassword}`;
  if (last?.settings !== state.settings || last.configure !== configure || last.provided !== key) {
    const issues = componentDefinitions().flatMap((d) =>
      d.validate(settingsOf(state, d.id), { configure: configureOf(state, d.id), passwordProvided: secrets.appPoolPassword, secretsProvided: secrets }),
    );
    last = { settings: state.settings, configure, provided: key, issues };
  }
  return last.issues;
}

/** The one message a field shows: its first error, else its first warning, else none. */
export function messageFor(issues: FieldIssue[], field: string): FieldIssue | null {
  const mine = issues.filter((i) => i.field === field);
  return mine.find((i) => i.severity === 'error') ?? mine[0] ?? null;
}

/** A field's message shows once the user has typed in it, or once Next was tried on its page. */
export function shownMessage(state: WizardStore, field: string, provided: boolean | SecretsProvided): FieldIssue | null {
  if (!state.attemptedNext && !state.touched.includes(field)) return null;
  return messageFor(issuesOf(state, provided), field);
}

/** Which passwords are entered, as one string (a plain value for a selector): "app,service,connection" flags. */
const providedKey = (s: Parameters<typeof secretsProvided>[0]) => {
  const p = secretsProvided(s);
  return `${Number(p.appPoolPassword)}${Number(p.servicePassword)}${Number(p.connectionPassword)}`;
};

/**
 * The message to show under a field, selected as two plain values: typing in another field re-runs the rules but
 * re-renders this one only when its own message changes.
 */
export function useFieldMessage(field: string): Pick<FieldIssue, 'severity' | 'message'> | null {
  const key = useSecrets(providedKey);
  const provided: SecretsProvided = { appPoolPassword: key[0] === '1', servicePassword: key[1] === '1', connectionPassword: key[2] === '1' };
  const severity = useWizard((s) => shownMessage(s, field, provided)?.severity ?? null);
  const message = useWizard((s) => shownMessage(s, field, provided)?.message ?? null);
  return severity && message !== null ? { severity, message } : null;
}
