/**
 * Configuration values that can hold a password: an ADO.NET connection string with SQL Server authentication carries
 * `Password=` (or `Pwd=`). Such a value is shown and journaled with the password masked, and its previous content is
 * kept out of the journal.
 */
const PASSWORD_PART = /(^|;)(\s*(?:password|pwd)\s*=\s*)("(?:[^"]|"")*"|'(?:[^']|'')*'|[^;]*)/gi;

export const MASK = '********';

export function maskSecrets(value: string): string {
  return value.replace(PASSWORD_PART, (whole, start: string, key: string, secret: string) => (secret.trim() === '' ? whole : `${start}${key}${MASK}`));
}

export function holdsSecret(value: string): boolean {
  return maskSecrets(value) !== value;
}
