import type { X509Certificate } from 'node:crypto';
import os from 'node:os';
import { isLoopback } from './loopback';

/** 0.0.0.0 and :: listen on every address of the computer. */
export function isWildcard(address: string): boolean {
  return address === '0.0.0.0' || address === '::' || address === '[::]';
}

const bracketed = (address: string) => (address.includes(':') ? `[${address}]` : address);

/**
 * The host names (as a Host header carries them, without the port) that reach this console, so a page of another
 * name that resolves to this address (DNS rebinding) is refused. Beyond loopback: the address listened on, the names
 * and addresses of the TLS certificate (a browser trusts only those anyway), the computer's name, and on a wildcard
 * address every address of the computer.
 */
export function consoleHostNames(listen: string, certificate?: X509Certificate): { names: string[]; wildcards: string[] } {
  if (isLoopback(listen)) return { names: ['127.0.0.1', 'localhost', '[::1]', bracketed(listen)], wildcards: [] };
  const alt = (certificate?.subjectAltName ?? '').split(',').map((s) => s.trim());
  const dns = alt.filter((s) => s.startsWith('DNS:')).map((s) => s.slice(4).toLowerCase());
  const ips = alt.filter((s) => s.startsWith('IP Address:')).map((s) => bracketed(s.slice('IP Address:'.length)));
  const names = [...dns.filter((n) => !n.startsWith('*.')), ...ips, os.hostname().toLowerCase()];
  if (isWildcard(listen)) {
    for (const addresses of Object.values(os.networkInterfaces())) for (const a of addresses ?? []) names.push(bracketed(a.address));
  } else {
    names.push(bracketed(listen));
  }
  return { names: [...new Set(names)], wildcards: dns.filter((n) => n.startsWith('*.')).map((n) => n.slice(1)) };
}

/** Whether a Host header names this console: one of its names (any case) and its port. */
export function hostAllowed(hostHeader: string | undefined, allowed: { names: string[]; wildcards: string[] }, port: number): boolean {
  if (!hostHeader) return false;
  const header = hostHeader.toLowerCase();
  const suffix = `:${port}`;
  if (!header.endsWith(suffix)) return false;
  const name = header.slice(0, -suffix.length);
  // A wildcard certificate name covers exactly one label: *.contoso.com is cdx-hq01.contoso.com, not a.b.contoso.com.
  return allowed.names.includes(name) || allowed.wildcards.some((w) => name.endsWith(w) && !name.slice(0, -w.length).includes('.') && name.length > w.length);
}

/** The address to print: on a wildcard address, the certificate's first name or the computer's. */
export function consoleUrlHost(listen: string, certificate?: X509Certificate): string {
  if (!isWildcard(listen)) return bracketed(listen);
  const dns = (certificate?.subjectAltName ?? '').split(',').map((s) => s.trim()).find((s) => s.startsWith('DNS:') && !s.includes('*'));
  return dns ? dns.slice(4) : os.hostname();
}
