import { builtInAccount, isBuiltInDomain } from './accounts';
import { hasTokens } from './expand';

/**
 * The field rules, once: the wizard shows them inline, the engine applies them authoritatively, the CLI reports them.
 * Messages do not name the field, so each front door can put its own name in front (a label, a parameter, a line).
 */
export type Severity = 'error' | 'warning';

/** An issue of one field: a parameter of a component's table, or a value that travels beside them (a password). */
export interface FieldIssue {
  field: string;
  severity: Severity;
  message: string;
}

const IIS_FORBIDDEN = ['/', '\\', '?', ';', ':', '@', '&', '=', '+', '$', ',', '|', '"', '<', '>'];

/** Characters that come along when a thumbprint is copied from the certificate dialog, and spaces of all kinds. */
const INVISIBLE = /[\s\u00A0\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

export function normalizeThumbprint(raw: string): string {
  return raw.replace(INVISIBLE, '').toUpperCase();
}

export function checkThumbprint(raw: string): string | null {
  const cleaned = normalizeThumbprint(raw);
  if (cleaned === '') return 'Enter the thumbprint of the SSL certificate.';
  if (!/^[0-9A-F]*$/.test(cleaned)) {
    const bad = [...cleaned].find((c) => !/[0-9A-F]/.test(c)) ?? '';
    return `A thumbprint holds only hexadecimal digits (0–9, A–F); "${bad}" is not one.`;
  }
  if (cleaned.length !== 40) return `A thumbprint has 40 hexadecimal digits; this one has ${cleaned.length}.`;
  return null;
}

export function checkPort(raw: string, required: boolean): string | null {
  const value = raw.trim();
  if (value === '') return required ? 'Enter a port number from 1 to 65535.' : null;
  if (!/^\d+$/.test(value)) return 'A port is a whole number from 1 to 65535.';
  const port = Number(value);
  if (port < 1 || port > 65535) return `Port ${value} is out of range: use a number from 1 to 65535.`;
  return null;
}

export function checkIisName(raw: string, what: string): string | null {
  const a = /^[aeiou]/i.test(what) ? 'an' : 'a';
  const A = a === 'an' ? 'An' : 'A';
  if (raw.trim() === '') return `Enter ${a} ${what}.`;
  if (raw !== raw.trim()) return `${A} ${what} cannot begin or end with a space.`;
  const bad = IIS_FORBIDDEN.filter((c) => raw.includes(c));
  if (bad.length > 0) return `${A} ${what} cannot contain ${bad.map((c) => `"${c}"`).join(' ')}. IIS rejects / \\ ? ; : @ & = + $ , | " < >.`;
  if (raw.length > 64) return `${A} ${what} can be at most 64 characters long.`;
  return null;
}

const HOST = /^(?:\.|\(local\)|localhost|[A-Za-z0-9](?:[A-Za-z0-9._-]{0,253}[A-Za-z0-9])?)$/;
const INSTANCE = /^[A-Za-z_][A-Za-z0-9_$#@]{0,15}$/;

export function checkSqlServerName(raw: string, what = 'the message database'): string | null {
  const value = raw.trim();
  if (value === '') return `Enter the name of the server that hosts ${what}.`;
  if (value.includes('\\')) return 'Enter the computer name only; the named instance goes in its own field.';
  if (!HOST.test(value)) return 'A server name holds letters, digits, dots and hyphens, for example server1 or localhost.';
  return null;
}

/** The guide's forms: localhost, localhost\instance2, server1, server1\instance2. */
export function checkSqlInstance(raw: string, required: boolean): string | null {
  const value = raw.trim();
  if (value === '') return required ? 'Enter the SQL Server instance, for example server1 or server1\\instance2.' : null;
  const parts = value.split('\\');
  if (parts.length > 2) return 'Use the form server or server\\instance, for example server1\\instance2.';
  if (!HOST.test(parts[0])) return `"${parts[0]}" is not a server name; use the form server or server\\instance.`;
  if (parts.length === 2 && !INSTANCE.test(parts[1])) {
    return `"${parts[1]}" is not an instance name: it starts with a letter or _, and has at most 16 letters, digits or _.`;
  }
  return null;
}

export function checkDatabaseName(raw: string, what = 'message database'): string | null {
  if (raw.trim() === '') return `Enter the name of the ${what}.`;
  if (raw !== raw.trim()) return 'A database name cannot begin or end with a space.';
  if (raw.length > 128) return 'A database name can be at most 128 characters long.';
  if (/[\u0000-\u001F]/.test(raw)) return 'A database name cannot contain control characters.';
  return null;
}

const USER_FORBIDDEN = /["/\\[\]:;|=,+*?<>]/;

/** Network Service, Local Service or Local System, in any of its spellings (accounts.ts lists them). */
export function isBuiltInAccount(raw: string): boolean {
  return builtInAccount(raw) !== null;
}

/** DOMAIN\user, user@domain, .\user and the built-in accounts (NT Authority\Network Service, NetworkService, …). */
export function checkAccount(raw: string, what: string): string | null {
  const value = raw.trim();
  if (value === '') return `Enter the ${what} as DOMAIN\\user, user@domain or .\\user.`;
  if (value !== raw) return 'An account name cannot begin or end with a space.';
  if (isBuiltInAccount(value)) return null;
  const slash = value.split('\\');
  if (slash.length === 2 && isBuiltInDomain(slash[0])) {
    return 'The built-in accounts are NT Authority\\Network Service, NT Authority\\Local Service and NT Authority\\System.';
  }
  if (slash.length === 2) {
    const [domain, user] = slash;
    if (!(domain === '.' || /^[A-Za-z0-9][A-Za-z0-9._-]{0,14}$/.test(domain) || /^[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,}$/.test(domain))) {
      return `"${domain}" is not a domain name; use DOMAIN\\user, user@domain or .\\user.`;
    }
    return checkUserPart(user);
  }
  if (slash.length > 2) return 'Use DOMAIN\\user, user@domain or .\\user.';
  const at = value.split('@');
  if (at.length === 2 && /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(at[1])) return checkUserPart(at[0]);
  return `Include the domain: DOMAIN\\${value}, ${value}@domain, or .\\${value} for a local account.`;
}

function checkUserPart(user: string): string | null {
  if (user === '') return 'The user name part is empty.';
  if (USER_FORBIDDEN.test(user)) return 'A user name cannot contain " / \\ [ ] : ; | = , + * ? < >.';
  if (user.length > 104) return 'A user name can be at most 104 characters long.';
  return null;
}

export function checkWindowsPath(raw: string, required: boolean): string | null {
  const value = raw.trim();
  if (value === '') return required ? 'Enter a folder path, for example C:\\inetpub\\AsyncServerSite.' : null;
  if (value !== raw) return 'A path cannot begin or end with a space.';
  // Tokens and %VAR% are checked after expansion; only what is literal is judged here.
  const literal = value.replace(/\[[A-Za-z]+\]/g, 'X').replace(/%[A-Za-z_][A-Za-z0-9_()]*%/g, 'C:');
  if (!/^(?:[A-Za-z]:\\|\\\\[^\\]+\\[^\\]+)/.test(literal) && !hasTokens(value)) {
    return 'Use a full path that starts with a drive (C:\\…) or a share (\\\\server\\share\\…).';
  }
  if (/[<>"|?*]/.test(literal.slice(2))) return 'A path cannot contain < > " | ? *.';
  return null;
}

export function checkCertificateRootStore(raw: string): string | null {
  return /^(LocalMachine|CurrentUser)$/.test(raw.trim()) ? null : 'Use LocalMachine or CurrentUser.';
}

export function checkCertificateStore(raw: string): string | null {
  const value = raw.trim();
  if (value === '') return 'Enter the certificate store, for example My.';
  return /^[A-Za-z0-9 _-]{1,64}$/.test(value) ? null : 'A store name holds letters, digits, spaces, _ and -, for example My or WebHosting.';
}

export function issuesFor(issues: FieldIssue[], field: string): FieldIssue[] {
  return issues.filter((i) => i.field === field);
}

export function hasErrors(issues: FieldIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
