import type { FieldIssue } from '../settings/rules';
import type { ComponentId } from './ids';

/** One row of a component's parameter table, as its installation guide gives it. */
export interface ParameterInfo {
  name: string;
  /** The guide's "Default value" column; '' where it says None. */
  defaultValue: string;
  /** The guide's "Enter this value" column, shortened. */
  description: string;
  /** The label of the wizard field that sets it, when a page shows it. */
  label?: string;
}

/** A component's settings as its settings file holds them: every parameter as a string; '' means "not set". */
export type ComponentSettings = Record<string, string>;

export interface ComponentRuleContext {
  /** "Configure <component> by using Setup": when cleared only files are placed and the configuration fields do not apply. */
  configure: boolean;
  /** Whether the password that goes with the component's account has been given (its value never comes here). */
  passwordProvided?: boolean;
  /** Which of the run's passwords have been given, by secret (the wizard knows each); a given one overrides passwordProvided. */
  secretsProvided?: Partial<Record<SecretName, boolean>>;
}

/**
 * The AX Setup parameter-file keys of a component (setup parameters reference): the key that installs it, the one
 * that removes it, its password keys (never carried over) and the settings-file parameter each other key sets.
 */
export interface ParameterFileKeys {
  install: string;
  remove: string;
  passwords: readonly string[];
  parameters: Readonly<Record<string, string>>;
}

/**
 * What a component contributes that the renderer, the engine and the CLI share (browser-safe, no Node): its
 * parameter table, its field rules, its settings file and parameter-file keys, its wizard pages. The engine's half
 * (plan, checks, undo kinds, Finish, records) is electron/engine/components/component.ts.
 */
/** A password an installation needs: which of the run's secrets it is, and whose, for the prompt and the refusal. */
export type SecretName = 'appPoolPassword' | 'servicePassword' | 'connectionPassword';

export interface PasswordNeed {
  secret: SecretName;
  /** The account, as the settings name it. */
  account: string;
  /** "the app pool user", "the Async Client service user", for messages. */
  who: string;
}

export interface ComponentDefinition {
  id: ComponentId;
  /** As Setup's Select components page names it: "Async Server". */
  title: string;
  /** Its settings file, as the guide names it: ss-settings.xml, sc-settings.xml. */
  settingsFileName: string;
  /** What the settings file's header says after "No password is stored in this file.": whose, and where it is asked for. */
  passwordHeader: readonly string[];
  parameters: readonly ParameterInfo[];
  defaults(): ComponentSettings;
  /** Every rule over a whole set of settings; an empty list means the settings can be used. */
  validate(settings: ComponentSettings, ctx: ComponentRuleContext): FieldIssue[];
  /** The values as they are stored (a thumbprint cleaned and upper-case…). */
  normalize(settings: ComponentSettings): ComponentSettings;
  /**
   * The instance's name on this computer, which `uninstall --instance` takes; Save settings names the instance's
   * settings file after it (ss-settings-<WebApplicationName>.xml, sc-settings-<ServiceName>.xml).
   */
  instanceName(settings: ComponentSettings): string;
  parameterFile: ParameterFileKeys;
  /** The passwords an installation of these settings needs (the SQL login's, a database choice, is the frame's). */
  passwords(settings: ComponentSettings, configure: boolean): PasswordNeed[];
  /** Its wizard pages, in Setup's order, by id and the guide's title. */
  pages: readonly { id: string; label: string }[];
  /** The choices its plan reads besides Configure and the database (SetupChoices' keys); the CLI offers each as a flag. */
  choices?: readonly 'streaming'[];
}

export function defaultsOf(parameters: readonly ParameterInfo[]): ComponentSettings {
  return Object.fromEntries(parameters.map((p) => [p.name, p.defaultValue]));
}

/** Empty values fall back to the guide's defaults, as the deploy scripts do; unknown names are dropped. */
export function withDefaultsOf(parameters: readonly ParameterInfo[], partial: Partial<Record<string, string>>): ComponentSettings {
  const result = defaultsOf(parameters);
  for (const p of parameters) {
    const value = partial[p.name];
    if (value !== undefined && value.trim() !== '') result[p.name] = value;
  }
  return result;
}
