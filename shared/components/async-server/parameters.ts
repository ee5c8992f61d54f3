/**
 * The ss-settings.xml parameter table of the installation guide ("Configure settings in the ss-settings.xml file"),
 * with its defaults exactly. Names are case-sensitive, as in the guide.
 */
export const PARAMETER_NAMES = [
  'HQMessageDatabaseServerName',
  'HQMessageDatabaseServerNamedInstanceName',
  'HQMessageDatabase',
  'HQMessageDatabaseServerOverride',
  'WebSiteName',
  'AppPoolName',
  'AppPoolUser',
  'AOSServiceUser',
  'WebApplicationName',
  'WebApplicationServiceBinarySourceFolder',
  'WebSiteHttpsPort',
  'WebSiteTcpPort',
  'WebSiteSSLCertificateThumbprint',
  'WebSiteSSLCertificateRootStore',
  'WebSiteSSLCertificateStore',
  'WebSiteWorkingFolder',
  'WebApplicationWorkingFolder',
] as const;

export type ParameterName = (typeof PARAMETER_NAMES)[number];

/** Every parameter as a string, the way the settings file holds it; '' means "not set". */
export type Settings = Record<ParameterName, string>;

export interface ParameterInfo {
  name: ParameterName;
  /** The guide's "Default value" column; '' where it says None. */
  defaultValue: string;
  /** The guide's "Enter this value" column, shortened. */
  description: string;
  /** The label of the wizard field that sets it, when a page shows it. */
  label?: string;
}

export const PARAMETERS: readonly ParameterInfo[] = [
  { name: 'HQMessageDatabaseServerName', defaultValue: '', description: 'The name of the server that hosts the message database for Async Server.', label: 'Server name' },
  { name: 'HQMessageDatabaseServerNamedInstanceName', defaultValue: '', description: 'The name of the SQL Server instance that hosts the message database (localhost, localhost\\instance2, server1, server1\\instance2).', label: 'Named instance' },
  { name: 'HQMessageDatabase', defaultValue: '', description: 'The name of the message database.', label: 'Database name' },
  { name: 'HQMessageDatabaseServerOverride', defaultValue: '[HQMessageDatabaseServerName]', description: 'The name of the database server that is used to connect to the message database.' },
  { name: 'WebSiteName', defaultValue: 'AsyncServerSite', description: 'The name of the website that hosts Async Server.', label: 'Website name' },
  { name: 'AppPoolName', defaultValue: 'AsyncServer', description: 'The name of the application pool for the Async Server web application.', label: 'App pool name' },
  { name: 'AppPoolUser', defaultValue: '', description: 'The credentials for the application pool identity.', label: 'User name' },
  { name: 'AOSServiceUser', defaultValue: 'NT Authority\\Network Service', description: 'The user account that the AOS instance runs as.', label: 'AOS service user' },
  { name: 'WebApplicationName', defaultValue: 'AsyncServer', description: 'The name of the web application that hosts Async Server.', label: 'Application name' },
  { name: 'WebApplicationServiceBinarySourceFolder', defaultValue: '', description: 'The location where the installer copied binary components.' },
  { name: 'WebSiteHttpsPort', defaultValue: '', description: 'The port on which Async Server receives HTTPS requests.', label: 'HTTPS port' },
  { name: 'WebSiteTcpPort', defaultValue: '808', description: 'The port on which Async Server receives TCP requests (high-performance data synchronization).', label: 'TCP port (optional)' },
  { name: 'WebSiteSSLCertificateThumbprint', defaultValue: '', description: 'The thumbprint for the SSL encryption certificate.', label: 'SSL certificate thumbprint' },
  { name: 'WebSiteSSLCertificateRootStore', defaultValue: 'LocalMachine', description: 'The root store where the SSL certificate is installed.' },
  { name: 'WebSiteSSLCertificateStore', defaultValue: 'My', description: 'The certificate store where the SSL certificate is installed.' },
  { name: 'WebSiteWorkingFolder', defaultValue: '%SystemDrive%\\inetpub\\AsyncServerSite', description: 'The path of the physical folder where website files are stored.' },
  { name: 'WebApplicationWorkingFolder', defaultValue: '[WebSiteWorkingFolder]\\[WebApplicationName]', description: 'The path of the physical folder where web application files are stored.' },
];

export const PARAMETER_BY_NAME: Readonly<Record<ParameterName, ParameterInfo>> = Object.fromEntries(
  PARAMETERS.map((p) => [p.name, p]),
) as Record<ParameterName, ParameterInfo>;

export function isParameterName(name: string): name is ParameterName {
  return (PARAMETER_NAMES as readonly string[]).includes(name);
}

export function defaultSettings(): Settings {
  return Object.fromEntries(PARAMETERS.map((p) => [p.name, p.defaultValue])) as Settings;
}

/** Empty values fall back to the guide's defaults, as the deploy script does. */
export function withDefaults(partial: Partial<Record<ParameterName, string>>): Settings {
  const result = defaultSettings();
  for (const name of PARAMETER_NAMES) {
    const value = partial[name];
    if (value !== undefined && value.trim() !== '') result[name] = value;
  }
  return result;
}

/** Settings as the frame carries them (any string record) as Async Server's: a parameter missing takes its default. */
export function asSettings(values: Readonly<Record<string, string>>): Settings {
  const result = defaultSettings();
  for (const name of PARAMETER_NAMES) if (values[name] !== undefined) result[name] = values[name];
  return result;
}
