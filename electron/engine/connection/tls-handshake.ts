import { X509Certificate } from 'node:crypto';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { NetworkEndpoint } from '../hosts/network';

export type HandshakeOutcome =
  | {
      ok: true;
      certificate: X509Certificate;
      /** OpenSSL's verdict on the chain against the computer's roots (CERT_HAS_EXPIRED…), or null when trusted. */
      chainError: { code: string; message: string } | null;
      /** Whether the certificate is issued to the host name (checked as Node.js checks it for HTTPS). */
      nameError: string | null;
    }
  | { ok: false; detail: string };

interface TlsTarget {
  endpoint: NetworkEndpoint;
  hostName: string;
  roots: string[];
  timeoutMs: number;
}

function tlsOptions(target: TlsTarget): tls.ConnectionOptions {
  return {
    host: target.endpoint.host,
    port: target.endpoint.port,
    // SNI carries the name the client asked for (never an IP address), so a server with several sites picks its own.
    ...(net.isIP(target.hostName) ? {} : { servername: target.hostName }),
    ca: target.roots,
    // The chain and the name are judged below, each in its own step, so a failure says which of them failed.
    rejectUnauthorized: false,
  };
}

/** A real TLS handshake, with the computer's trusted roots as the only authorities. */
export function tlsHandshake(target: TlsTarget): Promise<HandshakeOutcome> {
  return new Promise((resolve) => {
    const socket = tls.connect(tlsOptions(target));
    const finish = (outcome: HandshakeOutcome) => {
      socket.destroy();
      resolve(outcome);
    };
    socket.setTimeout(target.timeoutMs, () => finish({ ok: false, detail: `the TLS handshake did not finish within ${Math.round(target.timeoutMs / 1000)} seconds` }));
    socket.once('error', (err: NodeJS.ErrnoException) => finish({ ok: false, detail: err.code ? `${err.message} (${err.code})` : err.message }));
    socket.once('secureConnect', () => {
      // getPeerCertificate first: on Node.js 20, getPeerX509Certificate empties what it answers afterwards.
      const peer = socket.getPeerCertificate();
      if (!peer?.raw) return finish({ ok: false, detail: 'the server presented no certificate' });
      const certificate = new X509Certificate(peer.raw);
      const nameError = tls.checkServerIdentity(target.hostName, peer);
      // With a server name, Node.js reports a name mismatch as the authorization error of a chain it trusts.
      const authError = describeAuthorizationError(socket.authorizationError as unknown);
      const chainError = socket.authorized || authError.code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? null : authError;
      finish({ ok: true, certificate, chainError, nameError: nameError ? nameError.message : null });
    });
  });
}

function describeAuthorizationError(err: unknown): { code: string; message: string } {
  // Node types it as an Error; it has been a bare code string too.
  if (typeof err === 'string') return { code: err, message: err };
  const e = err as NodeJS.ErrnoException | null;
  return { code: e?.code ?? String(e?.message ?? 'UNKNOWN'), message: e?.message ?? 'unknown' };
}

export type PathOutcome = { ok: true; status: number; location: string | null } | { ok: false; detail: string };

/**
 * GET of the application path, anonymously: no credentials are sent (none of these steps needs them), so what the
 * server answers says only whether something lives at the path.
 */
export function getPath(target: TlsTarget & { path: string; port: number }): Promise<PathOutcome> {
  return new Promise((resolve) => {
    const req = https.request(
      {
        ...tlsOptions(target),
        method: 'GET',
        path: target.path,
        headers: { Host: target.port === 443 ? target.hostName : `${target.hostName}:${target.port}`, Accept: 'text/html' },
        agent: false,
        timeout: target.timeoutMs,
      },
      (res) => {
        res.resume();
        resolve({ ok: true, status: res.statusCode ?? 0, location: typeof res.headers.location === 'string' ? res.headers.location : null });
      },
    );
    req.once('timeout', () => req.destroy(new Error(`no answer within ${Math.round(target.timeoutMs / 1000)} seconds`)));
    req.once('error', (err) => resolve({ ok: false, detail: err.message }));
    req.end();
  });
}
