import type { SetupChoices } from '../../shared/contract/schemas';
import { DEFAULT_DATABASE_CHOICE } from '../../shared/settings/install-defaults';
import { defaultSettings, type Settings } from '../../shared/components/async-server/parameters';
import type { FieldId } from '../../shared/components/async-server/rules';

/** What the user chose: the settings file's parameters and the choices around them. No secret lives here. */
export interface SetupSlice {
  settings: Settings;
  choices: SetupChoices;
  supportFilesLocation: string;
  /** Add or modify components: the installed instance chosen (its registry name), '' until one is. */
  modifiedInstance: string;
  /** Fields the user has typed in: their messages show as they type, the others once Next is tried. */
  touched: FieldId[];
}

export const initialChoices = (): SetupChoices => ({
  option: 'components',
  installationType: 'custom',
  components: ['async-server'],
  configure: true,
  database: { ...DEFAULT_DATABASE_CHOICE },
});

export const initialSetupState = (): SetupSlice => ({
  settings: defaultSettings(),
  choices: initialChoices(),
  supportFilesLocation: '',
  modifiedInstance: '',
  touched: [],
});
