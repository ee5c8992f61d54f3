import { isBuiltInAccount } from '../../settings/rules';
import type { ComponentDefinition, PasswordNeed } from '../component';
import { ASYNC_CLIENT_PARAMETER_FILE } from './parameter-file-keys';
import { asClientSettings, CLIENT_PARAMETERS, defaultClientSettings } from './parameters';
import { normalizeClientSettings, validateClientSettings } from './rules';

/** Commerce Data Exchange: Async Client, at a channel: a Windows service, its message database, the channel database's roles. */
export const asyncClientDefinition: ComponentDefinition = {
  id: 'async-client',
  title: 'Async Client',
  settingsFileName: 'sc-settings.xml',
  passwordHeader: [
    'The service user\'s password and the Async Server connection\'s are asked for when the file is deployed:',
    'at the deploy prompt, from --credential-file FILE and --connection-credential-file FILE, or from the',
    'CDX_SETUP_PASSWORD and CDX_SETUP_CONNECTION_PASSWORD environment variables.',
  ],
  parameters: CLIENT_PARAMETERS,
  defaults: defaultClientSettings,
  validate: (s, ctx) =>
    validateClientSettings(asClientSettings(s), {
      configure: ctx.configure,
      passwordProvided: ctx.secretsProvided?.servicePassword ?? ctx.passwordProvided,
      connectionPasswordProvided: ctx.secretsProvided?.connectionPassword,
    }),
  normalize: (s) => normalizeClientSettings(asClientSettings(s)),
  instanceName: (s) => asClientSettings(s).ServiceName.trim(),
  parameterFile: ASYNC_CLIENT_PARAMETER_FILE,
  passwords(raw, configure) {
    if (!configure) return [];
    const s = asClientSettings(raw);
    const needs: PasswordNeed[] = [];
    if (s.ServiceUser.trim() !== '' && !isBuiltInAccount(s.ServiceUser)) needs.push({ secret: 'servicePassword', account: s.ServiceUser, who: 'the Async Client service user' });
    if (s.DataStoreUserName.trim() !== '') needs.push({ secret: 'connectionPassword', account: s.DataStoreUserName, who: 'the Async Server connection user' });
    return needs;
  },
  pages: [
    { id: 'configure-async-client', label: 'Configure Async Client' },
    { id: 'database-async-client', label: 'Select or specify a database to use with Async Client' },
  ],
  choices: ['streaming'],
};
