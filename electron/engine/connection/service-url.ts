/** An HTTPS service URL taken apart: the host name to resolve, the port to reach, the application path to ask for. */
export interface ServiceUrl {
  hostName: string;
  port: number;
  /** The web application path, "/AsyncServer"; never empty. */
  path: string;
  href: string;
}

/** Why a URL cannot be probed, as a sentence that names what to change; null when it can. */
export function parseServiceUrl(text: string): ServiceUrl | string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return `"${text}" is not a URL: enter it as https://<server name>:port/<web application name>.`;
  }
  if (url.protocol !== 'https:') return `The URL must start with https:// (it starts with ${url.protocol}//): the service is reached over HTTPS only.`;
  if (url.username || url.password) return 'The URL must not contain a user name or password.';
  if (url.search || url.hash) return 'The URL ends with the web application name; remove what follows it (? or #).';
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '') return `The URL names no web application: enter it as https://${url.host}/<web application name>.`;
  // URL keeps IPv6 literals in brackets; the resolver and TLS want them bare.
  const hostName = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { hostName, port: url.port ? Number(url.port) : 443, path, href: url.href };
}
