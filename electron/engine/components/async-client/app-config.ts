import type { ClientSettings } from '../../../../shared/components/async-client/parameters';

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A connection string for SQL Server by Windows authentication (the service account's), as .NET reads it. */
function connectionString(server: string, instance: string, database: string): string {
  const source = instance.trim() || server.trim();
  return `Data Source=${source};Initial Catalog=${database.trim()};Integrated Security=True`;
}

/**
 * The Windows service's application configuration, from the expanded settings: the Async Server URL, the channel
 * database ID and its user, the two databases, and whether to stream. The message database is reached by
 * ChannelMessageDatabaseServerOverride when set, as the guide says. `passwordSetting` is the appSettings key the
 * payload's service reads the connection's password from: it is written empty here, and the next step of the plan
 * fills it in encrypted for the computer, so that the plain password is never in this file.
 */
export function asyncClientConfiguration(s: ClientSettings, streaming: boolean, passwordSetting?: string): string {
  const messageServer = s.ChannelMessageDatabaseServerOverride.trim() || s.ChannelMessageDatabaseServer;
  const settings: [string, string][] = [
    ['AsyncServerUrl', s.SynchServiceHeadOfficeURL.trim()],
    ['DataStoreName', s.DataStoreName],
    ['DataStoreUserName', s.DataStoreUserName],
    ...(passwordSetting ? [[passwordSetting, ''] as [string, string]] : []),
    ['UseStreaming', String(streaming)],
  ];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- Commerce Data Exchange: Async Client, configured by CDX Setup. No password is written here in plain text. -->',
    '<configuration>',
    '  <connectionStrings>',
    `    <add name="ChannelMessageDatabase" connectionString="${escape(connectionString(messageServer, s.ChannelMessageDatabaseServerOverride.trim() ? '' : s.ChannelMessageDatabaseServerNamedInstanceName, s.ChannelMessageDatabaseName))}" />`,
    `    <add name="ChannelDatabase" connectionString="${escape(connectionString(s.ChannelDatabaseServer, s.ChannelDatabaseServerNamedInstanceName, s.ChannelDatabaseName))}" />`,
    '  </connectionStrings>',
    '  <appSettings>',
    ...settings.map(([k, v]) => `    <add key="${k}" value="${escape(v)}" />`),
    '  </appSettings>',
    '</configuration>',
    '',
  ].join('\r\n');
}
