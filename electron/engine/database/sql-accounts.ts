import { isLocalServer } from './sql-target';

/**
 * The Windows login a service account has on the SQL Server. The built-in Network Service and System accounts sign
 * in to a remote server as the computer account (DOMAIN\COMPUTER$); on the same computer they are themselves.
 * Local Service has no network identity, so it cannot reach a remote server at all.
 */
export function sqlLoginFor(account: string, sqlServer: string, computerName: string, domain: string): string {
  const trimmed = account.trim();
  const builtIn = /^NT AUTHORITY\\(NETWORK ?SERVICE|SYSTEM|LOCAL ?SERVICE)$/i.exec(trimmed);
  if (!builtIn) return trimmed.startsWith('.\\') ? `${computerName}\\${trimmed.slice(2)}` : trimmed;
  const which = builtIn[1].replace(' ', '').toUpperCase();
  if (isLocalServer(sqlServer, computerName)) {
    return which === 'NETWORKSERVICE' ? 'NT AUTHORITY\\NETWORK SERVICE' : which === 'LOCALSERVICE' ? 'NT AUTHORITY\\LOCAL SERVICE' : 'NT AUTHORITY\\SYSTEM';
  }
  if (which === 'LOCALSERVICE') {
    throw new Error(`${trimmed} has no network identity and cannot sign in to SQL Server on ${sqlServer}; use a domain account or Network Service.`);
  }
  return `${domain}\\${computerName}$`;
}
