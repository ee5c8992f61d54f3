import { describeTarget, type SqlTarget } from './sql-target';

/** What went wrong, in the terms of the page: each kind names the field a user changes to fix it. */
export type SqlFailureKind =
  | 'login-failed'
  | 'server-not-found'
  | 'instance-not-found'
  | 'not-answering'
  | 'certificate'
  | 'tls-version'
  | 'timeout'
  | 'no-permission'
  | 'database-exists'
  | 'database-missing'
  | 'driver-missing'
  | 'failed';

export class SqlFailure extends Error {
  constructor(
    readonly kind: SqlFailureKind,
    /** A wizard field id (a parameter name or `database.<choice>`), or null when no field is to blame. */
    readonly field: string | null,
    message: string,
    readonly number?: number,
  ) {
    super(message);
    this.name = 'SqlFailure';
  }
}

export interface FailureContext {
  target: SqlTarget;
  database?: string;
  /** What was being done, for the sentence: "creating the database", "running script 010-sessions". */
  step?: string;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
}

interface ErrorShape {
  message?: string;
  code?: string;
  number?: number;
  info?: { number?: number };
  originalError?: unknown;
  cause?: unknown;
  errors?: unknown[];
  precedingErrors?: unknown[];
}

/** Every message and code along the chain mssql builds: its error, tedious's, the socket's. */
function chain(err: unknown): ErrorShape[] {
  const out: ErrorShape[] = [];
  const visit = (e: unknown, depth: number) => {
    if (!e || typeof e !== 'object' || depth > 5) return;
    const shape = e as ErrorShape;
    out.push(shape);
    visit(shape.originalError, depth + 1);
    visit(shape.cause, depth + 1);
    for (const inner of [...(Array.isArray(shape.errors) ? shape.errors : []), ...(Array.isArray(shape.precedingErrors) ? shape.precedingErrors : [])]) visit(inner, depth + 1);
  };
  visit(err, 0);
  return out;
}

/** Maps an error from mssql/tedious (or msnodesqlv8) to a sentence naming the field to fix. */
export function mapSqlError(err: unknown, ctx: FailureContext): SqlFailure {
  if (err instanceof SqlFailure) return err;
  const links = chain(err);
  const codes = new Set(links.map((l) => l.code).filter((c): c is string => typeof c === 'string'));
  const numbers = links.map((l) => (typeof l.number === 'number' ? l.number : l.info?.number)).filter((n): n is number => typeof n === 'number');
  const text = links.map((l) => l.message ?? '').join(' | ');
  const serverText = links.find((l) => typeof l.message === 'string' && l.message !== '')?.message ?? String(err);
  const server = describeTarget(ctx.target);
  const who = ctx.target.authentication === 'sql' ? `the login ${ctx.target.login}` : ctx.target.login ? `the Windows account ${ctx.target.login}` : 'the current Windows user';
  const authField = ctx.target.authentication === 'sql' || ctx.target.login ? 'database.sqlLogin' : 'database.authentication';
  const step = ctx.step ? ` while ${ctx.step}` : '';
  const has = (n: number) => numbers.includes(n);

  if (has(18456) || (codes.has('ELOGIN') && /login failed/i.test(text) && !/cannot open database/i.test(text))) {
    const hint =
      ctx.target.authentication === 'sql'
        ? 'Check the Login and Password, and that the server allows SQL Server authentication (mixed mode).'
        : 'Check the Authentication: the account needs a login on this server, or use SQL Server authentication.';
    return new SqlFailure('login-failed', authField, `SQL Server ${server} refused ${who}. ${hint}`, 18456);
  }
  if (has(4060) || has(911) || /cannot open database/i.test(text)) {
    return new SqlFailure('database-missing', ctx.target.databaseField, `The database${named(ctx.database)} does not exist on ${server}, or ${who} cannot open it: check the Database name.`, 4060);
  }
  if (has(1801)) {
    return new SqlFailure('database-exists', ctx.target.databaseField, `A database${named(ctx.database)} already exists on ${server}: choose another Database name, or use the existing message database.`, 1801);
  }
  if (has(262)) {
    return new SqlFailure(
      'no-permission',
      authField,
      `${capitalize(who)} may not create databases on ${server} (CREATE DATABASE permission denied). Use a login in the dbcreator role, or choose Use an existing message database.`,
      262,
    );
  }
  const permission = [229, 230, 297, 300, 15151, 15247, 15330].find(has);
  if (permission !== undefined) {
    return new SqlFailure('no-permission', authField, `${capitalize(who)} lacks a permission on ${server}${step}: ${serverText} Use a login with the rights to create logins and grant database roles (for example sysadmin or securityadmin with db_owner).`, permission);
  }
  if (codes.has('EINSTLOOKUP')) {
    return new SqlFailure(
      'instance-not-found',
      ctx.target.namedInstanceField,
      `The named instance ${server} was not found: the SQL Server Browser on ${ctx.target.server} did not answer for "${ctx.target.instance ?? ''}". Check the Named instance, that the SQL Server Browser service runs, and that UDP port 1434 is open.`,
    );
  }
  const tlsFailure = encryptionFailure(codes, text, server, ctx.target);
  if (tlsFailure) return tlsFailure;
  if (codes.has('ETIMEOUT')) {
    if (/failed to connect|connect/i.test(text) && !/request|query/i.test(text)) {
      const seconds = ctx.connectTimeoutMs ? ` within ${Math.round(ctx.connectTimeoutMs / 1000)} seconds` : '';
      // A named instance is first looked up through the SQL Server Browser, which may be what never answered.
      const where = ctx.target.instance
        ? `that the instance ${ctx.target.instance} runs, and that the SQL Server Browser service runs on ${ctx.target.server} with UDP port 1434 open`
        : 'that SQL Server runs, and that its port is open in the firewall';
      return new SqlFailure('not-answering', ctx.target.serverField, `SQL Server ${server} did not answer${seconds}. Check the ${fieldLabel(ctx.target)}, ${where}.`);
    }
    const seconds = ctx.requestTimeoutMs ? ` (${Math.round(ctx.requestTimeoutMs / 1000)} seconds)` : '';
    return new SqlFailure('timeout', null, `SQL Server ${server} took longer than the time limit${seconds}${step}. The server may be busy or blocked; try again, or ask its administrator.`);
  }
  if (codes.has('ESOCKET') || codes.has('ENOTFOUND') || codes.has('ECONNREFUSED') || codes.has('EHOSTUNREACH')) {
    if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/i.test(text)) {
      return new SqlFailure('server-not-found', ctx.target.serverField, `The server ${ctx.target.server} was not found on the network. Check the ${fieldLabel(ctx.target)}.`);
    }
    return new SqlFailure(
      'not-answering',
      ctx.target.serverField,
      `SQL Server ${server} does not accept connections (${serverText}). Check the ${fieldLabel(ctx.target)}, that SQL Server runs with TCP/IP enabled, and that its port is open in the firewall.`,
    );
  }
  const number = numbers[0];
  return new SqlFailure('failed', null, `SQL Server ${server} reported an error${step}: ${serverText}${number ? ` (error ${number})` : ''}`, number);
}

/**
 * The connection is always encrypted (tedious's TLS, OpenSSL's codes). Each way the handshake fails gets its own
 * sentence: SQL Server's own self-signed certificate names the choice (Trust the server certificate), a server without
 * TLS 1.2 is named as such (no option on this side helps), and a certificate of an untrusted authority or another name
 * says what to change.
 */
function encryptionFailure(codes: Set<string>, text: string, server: string, target: SqlTarget): SqlFailure | null {
  const has = (...c: string[]) => c.some((x) => codes.has(x));
  // Only a connection's failure is read by its words: a script's error may well speak of a certificate.
  const connecting = codes.has('ESOCKET');
  if (has('ERR_SSL_UNSUPPORTED_PROTOCOL', 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', 'ERR_SSL_NO_PROTOCOLS_AVAILABLE', 'ERR_SSL_VERSION_TOO_LOW') || (connecting && /unsupported[ _]protocol|protocol[ _]version/i.test(text))) {
    return new SqlFailure(
      'tls-version',
      target.serverField,
      `SQL Server ${server} does not offer TLS 1.2, which the encrypted connection needs. SQL Server 2012 and 2014 offer it only with their TLS 1.2 update (KB3135244, or a later service pack or cumulative update); ask the server's administrator to install it. Trust the server certificate does not help here.`,
    );
  }
  const trust = 'The connection stays encrypted either way.';
  if (has('DEPTH_ZERO_SELF_SIGNED_CERT') || (connecting && /self[- ]signed certificate/i.test(text) && !/in certificate chain/i.test(text))) {
    return new SqlFailure(
      'certificate',
      'database.trustServerCertificate',
      `SQL Server ${server} presented a self-signed certificate, as SQL Server does when no certificate is configured for it, and this computer cannot verify it. ${trust} Install a certificate this computer trusts on SQL Server, or select Trust the server certificate (then a server posing as ${server} would not be noticed).`,
    );
  }
  if (has('ERR_TLS_CERT_ALTNAME_INVALID')) {
    return new SqlFailure(
      'certificate',
      'database.trustServerCertificate',
      `The certificate of SQL Server ${server} is issued to another name (${firstLine(text)}). Enter the name on the certificate as the ${fieldLabel(target)}, or select Trust the server certificate.`,
    );
  }
  if (has('CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID')) {
    return new SqlFailure('certificate', 'database.trustServerCertificate', `The certificate of SQL Server ${server} is not valid now (it has expired or is not valid yet). ${trust} Renew the certificate on SQL Server, or select Trust the server certificate.`);
  }
  if (has('SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE') || (connecting && /certificate|unable to verify|CERT_/i.test(text))) {
    return new SqlFailure(
      'certificate',
      'database.trustServerCertificate',
      `The encrypted connection to ${server} failed because its certificate is not trusted (${firstLine(text)}): it is issued by an authority CDX Setup does not trust. ${trust} CDX Setup checks certificates against the public authorities built into it, not the Windows certificate store, so a certificate from an internal authority is refused even when Windows trusts it. Install a certificate from a public authority on SQL Server, or select Trust the server certificate.`,
    );
  }
  return null;
}

/** The innermost message without OpenSSL's source location: "unable to verify the first certificate". */
function firstLine(text: string): string {
  const last = text.split(' | ').at(-1) ?? text;
  return last.replace(/^Failed to connect to \S+ - /, '').split('\n')[0].trim();
}

/** The page's label of the field the server came from: every component's database page uses these two. */
function fieldLabel(target: SqlTarget): string {
  return target.serverField === target.namedInstanceField ? 'Named instance' : 'Server name';
}

function named(database: string | undefined): string {
  return database ? ` named ${database}` : '';
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
