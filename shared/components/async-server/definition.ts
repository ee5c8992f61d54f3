import type { ComponentDefinition, ComponentSettings } from '../component';
import { ASYNC_SERVER_PARAMETER_FILE } from './parameter-file-keys';
import { defaultSettings, PARAMETERS, withDefaults, type Settings } from './parameters';
import { needsAppPoolPassword } from './passwords';
import { normalizeSettings, validateSettings } from './rules';

const full = (s: ComponentSettings): Settings => withDefaults(s);

/** Commerce Data Exchange: Async Server, at headquarters: an IIS web application and its message database. */
export const asyncServerDefinition: ComponentDefinition = {
  id: 'async-server',
  title: 'Async Server',
  settingsFileName: 'ss-settings.xml',
  passwordHeader: [
    "The app pool user's password is asked for when the file is deployed:",
    'at the deploy prompt, from --credential-file FILE, or from the CDX_SETUP_PASSWORD environment variable.',
  ],
  parameters: PARAMETERS,
  defaults: defaultSettings,
  validate: (s, ctx) => validateSettings({ ...defaultSettings(), ...s } as Settings, { configure: ctx.configure, passwordProvided: ctx.secretsProvided?.appPoolPassword ?? ctx.passwordProvided }),
  normalize: (s) => normalizeSettings({ ...defaultSettings(), ...s } as Settings),
  instanceName: (s) => full(s).WebApplicationName.trim(),
  parameterFile: ASYNC_SERVER_PARAMETER_FILE,
  passwords(s, configure) {
    const settings = full(s);
    return needsAppPoolPassword(settings, configure) ? [{ secret: 'appPoolPassword', account: settings.AppPoolUser, who: 'the app pool user' }] : [];
  },
  pages: [
    { id: 'configure', label: 'Configure Async Server' },
    { id: 'database', label: 'Select a database to use with Async Server' },
  ],
};
