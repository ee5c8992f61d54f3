import type { Settings } from '../../../../shared/components/async-server/parameters';

/**
 * The server name the installed Async Server connects with: HQMessageDatabaseServerOverride (by default
 * [HQMessageDatabaseServerName]). When the override names only a computer and the message database lives in a
 * named instance, the instance is added, as the override replaces the computer name, not the instance.
 */
export function connectionServer(expanded: Pick<Settings, 'HQMessageDatabaseServerOverride' | 'HQMessageDatabaseServerName' | 'HQMessageDatabaseServerNamedInstanceName'>): string {
  const override = expanded.HQMessageDatabaseServerOverride.trim() || expanded.HQMessageDatabaseServerName.trim();
  const instance = expanded.HQMessageDatabaseServerNamedInstanceName.trim().split('\\')[1];
  if (override.includes('\\') || !instance) return override;
  return `${override}\\${instance}`;
}

/** ADO.NET quoting: a value with ; or a quote goes in double quotes, doubling the inner ones. */
function value(v: string): string {
  return /[;'"]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The connection string the installed web application uses: its app pool identity signs in with Windows authentication. */
export function messageDatabaseConnectionString(expanded: Settings, trustServerCertificate: boolean): string {
  const parts = [
    `Data Source=${value(connectionServer(expanded))}`,
    `Initial Catalog=${value(expanded.HQMessageDatabase.trim())}`,
    'Integrated Security=True',
    'Encrypt=True',
  ];
  if (trustServerCertificate) parts.push('TrustServerCertificate=True');
  return parts.join(';');
}
