import { hasTokens } from '../../settings/expand';
import { checkAccount, checkDatabaseName, checkPort, checkSqlInstance, checkSqlServerName, checkWindowsPath, isBuiltInAccount, type FieldIssue } from '../../settings/rules';
import type { ComponentRuleContext } from '../component';
import type { ClientParameterName, ClientSettings } from './parameters';

/** Fields of Async Client a user can get wrong: its parameters, and the two passwords that travel beside them. */
export type ClientFieldId = ClientParameterName | 'ServicePassword' | 'DataStorePassword';

/** `https://<server name>:port/<web application name>`, or a load balancer's URL: https, a host, an application path. */
export function checkAsyncServerUrl(raw: string): string | null {
  const value = raw.trim();
  if (value === '') return 'Enter the Async Server URL, for example https://cdxhq01:8443/AsyncServer.';
  if (value !== raw) return 'A URL cannot begin or end with a space.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Use the form https://<server name>:port/<web application name>.';
  }
  if (url.protocol !== 'https:') return 'Async Server is reached over HTTPS: the URL starts with https://.';
  if (url.username || url.password) return 'The URL holds no user name or password: they go in their own fields.';
  if (url.port !== '') {
    const port = checkPort(url.port, true);
    if (port) return port;
  }
  if (url.pathname === '/' || url.pathname === '') return 'Add the web application name: https://<server name>:port/<web application name>.';
  if (url.search || url.hash) return 'The URL ends with the web application name; remove what follows it (? or #).';
  return null;
}

/** A Windows service name: what sc.exe and New-Service accept. */
export function checkServiceName(raw: string): string | null {
  if (raw.trim() === '') return 'Enter the name of the Windows service.';
  if (raw !== raw.trim()) return 'A service name cannot begin or end with a space.';
  if (/[\\/]/.test(raw)) return 'A service name cannot contain / or \\.';
  if (raw.length > 256) return 'A service name can be at most 256 characters long.';
  return null;
}

/** The channel database profile's name or user in AX: case sensitive, so kept exactly; only emptiness and edges are judged. */
function checkProfileValue(raw: string, what: string): string | null {
  if (raw.trim() === '') return `Enter the ${what}.`;
  if (raw !== raw.trim()) return `The ${what} cannot begin or end with a space: it must match the channel database profile in AX exactly.`;
  if (raw.length > 128) return `The ${what} can be at most 128 characters long.`;
  return null;
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Every rule over Async Client's settings; an empty list means they can be used. */
export function validateClientSettings(s: ClientSettings, ctx: ComponentRuleContext & { connectionPasswordProvided?: boolean }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const error = (field: ClientFieldId, message: string | null) => {
    if (message) issues.push({ field, severity: 'error', message });
  };
  error('ServiceBinarySourceFolder', checkWindowsPath(s.ServiceBinarySourceFolder, false));
  error('ServiceInstallFolder', checkWindowsPath(s.ServiceInstallFolder, true));
  // Files only: no service, no configuration, no database are set up, so their fields do not apply.
  if (!ctx.configure) return issues;

  error('SynchServiceHeadOfficeURL', checkAsyncServerUrl(s.SynchServiceHeadOfficeURL));
  error('DataStoreName', checkProfileValue(s.DataStoreName, 'channel database ID'));
  error('DataStoreUserName', checkProfileValue(s.DataStoreUserName, 'user name for the Async Server connection'));
  if (ctx.connectionPasswordProvided === false) error('DataStorePassword', 'Enter the password for the Async Server connection.');
  error('ServiceName', checkServiceName(s.ServiceName));
  error('ServiceUser', checkAccount(s.ServiceUser, 'user that runs the Async Client service'));
  if (ctx.passwordProvided === false && s.ServiceUser.trim() !== '' && !isBuiltInAccount(s.ServiceUser)) {
    error('ServicePassword', 'Enter the password of the user that runs the Async Client service.');
  }

  error('ChannelMessageDatabaseServer', checkSqlServerName(s.ChannelMessageDatabaseServer, 'the message database'));
  error('ChannelMessageDatabaseServerNamedInstanceName', checkSqlInstance(s.ChannelMessageDatabaseServerNamedInstanceName, false));
  error('ChannelMessageDatabaseName', checkDatabaseName(s.ChannelMessageDatabaseName, 'message database'));
  if (s.ChannelMessageDatabaseServerOverride.trim() !== '' && !hasTokens(s.ChannelMessageDatabaseServerOverride)) {
    error('ChannelMessageDatabaseServerOverride', checkSqlInstance(s.ChannelMessageDatabaseServerOverride, false));
  }
  error('ChannelDatabaseServer', checkSqlServerName(s.ChannelDatabaseServer, 'the channel database'));
  error('ChannelDatabaseServerNamedInstanceName', checkSqlInstance(s.ChannelDatabaseServerNamedInstanceName, false));
  error('ChannelDatabaseName', checkDatabaseName(s.ChannelDatabaseName, 'channel database'));
  const sameServer =
    sameText(s.ChannelDatabaseServer, s.ChannelMessageDatabaseServer) && sameText(s.ChannelDatabaseServerNamedInstanceName, s.ChannelMessageDatabaseServerNamedInstanceName);
  if (sameServer && s.ChannelDatabaseName.trim() !== '' && sameText(s.ChannelDatabaseName, s.ChannelMessageDatabaseName)) {
    error('ChannelMessageDatabaseName', 'The message database is not the channel database: give it its own name (Setup creates it when it does not exist).');
  }
  return issues;
}

export function normalizeClientSettings(s: ClientSettings): ClientSettings {
  return { ...s };
}
