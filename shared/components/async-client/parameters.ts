import { defaultsOf, type ParameterInfo } from '../component';

/**
 * The sc-settings.xml parameter table of the installation guide ("Configure settings in the sc-settings.xml file" of
 * "Install Commerce Data Exchange: Async Client"), with its defaults exactly. Names are case-sensitive, as in the guide.
 */
export const CLIENT_PARAMETER_NAMES = [
  'ChannelMessageDatabaseServer',
  'ChannelMessageDatabaseServerNamedInstanceName',
  'ChannelMessageDatabaseName',
  'ChannelDatabaseServer',
  'ChannelDatabaseServerNamedInstanceName',
  'ChannelDatabaseName',
  'ServiceName',
  'SynchServiceHeadOfficeURL',
  'ServiceUser',
  'ServiceBinarySourceFolder',
  'ServiceInstallFolder',
  'DataStoreName',
  'DataStoreUserName',
  'ChannelMessageDatabaseServerOverride',
] as const;

export type ClientParameterName = (typeof CLIENT_PARAMETER_NAMES)[number];
export type ClientSettings = Record<ClientParameterName, string>;

type ClientParameterInfo = ParameterInfo & { name: ClientParameterName };

export const CLIENT_PARAMETERS: readonly ClientParameterInfo[] = [
  { name: 'ChannelMessageDatabaseServer', defaultValue: '', description: 'The name of the server that hosts the message database.', label: 'Server name' },
  { name: 'ChannelMessageDatabaseServerNamedInstanceName', defaultValue: '', description: 'The name of the SQL Server instance that hosts the message database (localhost, localhost\\instance2, server1, server1\\instance2).', label: 'Named instance' },
  { name: 'ChannelMessageDatabaseName', defaultValue: '', description: 'The name of the message database.', label: 'Database name' },
  { name: 'ChannelDatabaseServer', defaultValue: '', description: 'The name of the server that hosts the channel database.', label: 'Server name' },
  { name: 'ChannelDatabaseServerNamedInstanceName', defaultValue: '', description: 'The name of the SQL Server instance that hosts the channel database.', label: 'Named instance' },
  { name: 'ChannelDatabaseName', defaultValue: '', description: 'The name of the channel database.', label: 'Database name' },
  { name: 'ServiceName', defaultValue: 'CommerceDataExchangeAsyncClientService', description: 'The name that is displayed for the service in the Services control panel item.', label: 'Service name' },
  { name: 'SynchServiceHeadOfficeURL', defaultValue: '', description: 'The URL for the instance of Async Server, typically https://<server name>:port/<web application name>.', label: 'Async Server URL' },
  { name: 'ServiceUser', defaultValue: '', description: 'The account that will be used to run the Async Client service (Domain or Computer Name\\User).', label: 'User name' },
  { name: 'ServiceBinarySourceFolder', defaultValue: '', description: 'The folder where the .dll files for Async Client are installed (C:\\Program Files (x86)\\Microsoft Dynamics AX\\60\\CDX\\Async Client\\Package).' },
  { name: 'ServiceInstallFolder', defaultValue: '%SystemDrive%\\AsyncClientService', description: 'The folder where Async Client files will be installed.', label: 'Installation folder' },
  { name: 'DataStoreName', defaultValue: '', description: 'The channel database ID in Microsoft Dynamics AX for the channel database that is used by this instance of Async Client.', label: 'Channel database ID' },
  { name: 'DataStoreUserName', defaultValue: '', description: 'The user name that Async Client uses to connect to Async Server (case sensitive).', label: 'User name' },
  { name: 'ChannelMessageDatabaseServerOverride', defaultValue: '[ChannelMessageDatabaseServer]', description: 'The name of the channel database server, if the name differs from what was specified.' },
];

export function defaultClientSettings(): ClientSettings {
  return defaultsOf(CLIENT_PARAMETERS) as ClientSettings;
}

/** Settings as the frame carries them as Async Client's: a parameter missing takes its default. */
export function asClientSettings(values: Readonly<Record<string, string>>): ClientSettings {
  const result = defaultClientSettings();
  for (const name of CLIENT_PARAMETER_NAMES) if (values[name] !== undefined) result[name] = values[name];
  return result;
}
