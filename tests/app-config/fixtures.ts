/** A hand-edited web.config: comments that look like the nodes, odd spacing, single quotes, tabs, CRLF, entities. */
export const ODD_WEB_CONFIG = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<!-- <add name="HQMessageDatabase" connectionString="not this one" /> -->',
  '<configuration>',
  '\t<connectionStrings>',
  "    <add   providerName = 'System.Data.SqlClient'",
  "           name='HQMessageDatabase'",
  "           connectionString='Data Source=old;Initial Catalog=&quot;Old&amp;DB&quot;' />",
  '    <add name="Other" connectionString="Data Source=keep" />',
  '  </connectionStrings>',
  '  <![CDATA[ <appSettings><add key="HttpsPort" value="cdata"/></appSettings> ]]>',
  '  <appSettings>',
  '    <add key="HttpsPort"   value="443"/><add key="TcpPort" value=""/>',
  '    <add key="Ünïcode" value="äłő" />',
  '  </appSettings>',
  '</configuration>',
  '',
].join('\r\n');
