import type { ComponentSettings } from '../../shared/components/component';
import type { ComponentId } from '../../shared/components/ids';
import { componentDefinitions } from '../../shared/components/registry';
import type { SetupChoices } from '../../shared/contract/schemas';
import { DEFAULT_DATABASE_CHOICE } from '../../shared/settings/install-defaults';

/** What the user chose: the settings files' parameters and the choices around them. No secret lives here. */
export interface SetupSlice {
  /** Every component's parameters by name, with the guide's defaults (no name is two components': see the registry test). */
  settings: ComponentSettings;
  choices: SetupChoices;
  /**
   * "Configure <component> by using Setup" of a component whose page has set it; one without an entry follows
   * `choices.configure` (the first component's check box).
   */
  configureByComponent: Partial<Record<ComponentId, boolean>>;
  supportFilesLocation: string;
  /** Add or modify components: the installed instance chosen (its registry name), '' until one is. */
  modifiedInstance: string;
  /** Fields the user has typed in: their messages show as they type, the others once Next is tried. */
  touched: string[];
}

export const initialChoices = (): SetupChoices => ({
  option: 'components',
  installationType: 'custom',
  components: [componentDefinitions()[0].id],
  configure: true,
  database: { ...DEFAULT_DATABASE_CHOICE },
});

/** Every component's defaults in one record. */
export function allDefaults(): ComponentSettings {
  return Object.assign({}, ...componentDefinitions().map((d) => d.defaults())) as ComponentSettings;
}

/** Whether Setup configures the component `id` (cleared: its files only). */
export function configureOf(s: Pick<SetupSlice, 'choices' | 'configureByComponent'>, id: ComponentId): boolean {
  return s.configureByComponent[id] ?? s.choices.configure;
}

/** The parameters of one component out of the wizard's, as its requests carry them. */
export function settingsOf(s: Pick<SetupSlice, 'settings'>, id: ComponentId): ComponentSettings {
  const definition = componentDefinitions().find((d) => d.id === id)!;
  return Object.fromEntries(definition.parameters.map((p) => [p.name, s.settings[p.name] ?? p.defaultValue]));
}

export const initialSetupState = (): SetupSlice => ({
  settings: allDefaults(),
  choices: initialChoices(),
  configureByComponent: {},
  supportFilesLocation: '',
  modifiedInstance: '',
  touched: [],
});
