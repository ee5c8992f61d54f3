import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Engine } from '../engine/create-engine';
import type { ServerCertificate } from '../engine/hosts/server-certificate';
import { firstAnswersElement, splitAtFirstAnswers } from './first-answers';
import { consoleHostNames, consoleUrlHost, hostAllowed } from './host-names';
import { isLoopback } from './loopback';
import { SECURITY_HEADERS } from './security-headers';
import { readStatic } from './static-files';

export interface ConsoleOptions {
  engine: Engine;
  /** The built renderer (dist/renderer). */
  staticRoot: string;
  /** 0 or absent: a random free port. */
  port?: number;
  /** The address to listen on; only loopback unless TLS is given. */
  listen?: string;
  tls?: ServerCertificate;
}

export interface RunningConsole {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export class ConsoleError extends Error {}

const COOKIE = 'cdx-console';
const MAX_BODY = 1024 * 1024;

/**
 * The web console: the same renderer and the same API over HTTP, for Server Core, remote sessions and the e2e
 * tests. Every request needs the per-run token: in the first URL (then a strict cookie) for pages and events, and in
 * a header for API calls, which a page of another site cannot set.
 */
export async function startConsole(options: ConsoleOptions): Promise<RunningConsole> {
  const listen = options.listen ?? '127.0.0.1';
  if (!isLoopback(listen) && !options.tls) {
    throw new ConsoleError(`Listening on ${listen} would expose the console beyond this computer: give --tls-cert and --tls-key to serve it over HTTPS.`);
  }
  const token = randomBytes(24).toString('base64url');
  const tokenBuffer = Buffer.from(token);
  const sameToken = (candidate: string | undefined | null) => {
    if (!candidate) return false;
    const b = Buffer.from(candidate);
    return b.length === tokenBuffer.length && timingSafeEqual(b, tokenBuffer);
  };
  const streams = new Set<http.ServerResponse>();
  const unsubscribe = options.engine.subscribe((event, payload) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const res of streams) res.write(frame);
  });

  let port = 0;
  const scheme = options.tls ? 'https' : 'http';
  const hostForUrl = consoleUrlHost(listen, options.tls?.certificate);
  const hostNames = consoleHostNames(listen, options.tls?.certificate);

  const handler = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    try {
      const url = new URL(req.url ?? '/', `${scheme}://${hostForUrl}:${port}`);
      if (!hostAllowed(req.headers.host, hostNames, port)) return send(res, 421, 'text/plain', 'Misdirected request.');
      const cookieToken = readCookie(req.headers.cookie, COOKIE);
      const queryToken = url.searchParams.get('token');

      if (url.pathname.startsWith('/api/call/')) {
        if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Use POST.');
        if (!sameToken(headerValue(req.headers['x-cdx-token']))) return unauthorized(res);
        const body = await readBody(req);
        if (body === null) return send(res, 413, 'application/json', JSON.stringify({ ok: false, error: { code: 'bad-request', message: 'The request is larger than 1 MiB.' } }));
        let payload: unknown;
        try {
          payload = body.length ? JSON.parse(body) : {};
        } catch {
          return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'bad-request', message: 'The request body is not JSON.' } }));
        }
        const result = await options.engine.dispatch(decodeURIComponent(url.pathname.slice('/api/call/'.length)), payload);
        return send(res, 200, 'application/json', JSON.stringify(result));
      }

      if (url.pathname === '/api/events') {
        if (!sameToken(cookieToken) && !sameToken(headerValue(req.headers['x-cdx-token']))) return unauthorized(res);
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        streams.add(res);
        const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
        req.on('close', () => {
          clearInterval(heartbeat);
          streams.delete(res);
        });
        return;
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Use GET.');
      if (queryToken !== null) {
        if (!sameToken(queryToken)) return unauthorized(res);
        // Trade the token in the address for a strict cookie, and take it out of the address bar and history.
        url.searchParams.delete('token');
        res.writeHead(303, {
          ...SECURITY_HEADERS,
          'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/${options.tls ? '; Secure' : ''}`,
          Location: url.pathname + (url.search || ''),
        });
        return res.end();
      }
      if (!sameToken(cookieToken)) return unauthorized(res);
      const file = await readStatic(options.staticRoot, url.pathname);
      if (!file) {
        // The wizard is one page: unknown paths without an extension get it, so a reload never lands on a 404.
        if (!/\.[a-z0-9]+$/i.test(url.pathname)) return serveIndex(res);
        return send(res, 404, 'text/plain', 'Not found.');
      }
      if (file.type.startsWith('text/html')) return serveIndex(res, file.body);
      return send(res, 200, file.type, file.body);
    } catch (err) {
      return send(res, 500, 'text/plain', `The console failed to answer: ${(err as Error).message}`);
    }
  };

  const serveIndex = async (res: http.ServerResponse, body?: Buffer) => {
    const html = (body ?? (await readStatic(options.staticRoot, '/index.html'))?.body)?.toString('utf8');
    if (!html) return send(res, 500, 'text/plain', 'The wizard is not built: run npm run build.');
    // The page reads the token from here to sign its API calls; a page of another origin cannot read it.
    const withToken = html.replace('<head>', `<head><meta name="cdx-console-token" content="${token}">`);
    const parts = splitAtFirstAnswers(withToken);
    if (!parts) return send(res, 200, 'text/html; charset=utf-8', withToken);
    // The engine answers the first page's calls while the browser, which has the head already, fetches the scripts
    // (they run once the document is complete): no round trip after them before the first render.
    const answers = firstAnswersElement(options.engine);
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
    res.write(parts[0]);
    res.end((await answers) + parts[1]);
  };

  let server: http.Server;
  try {
    server = options.tls ? https.createServer(options.tls.tls, handler) : http.createServer(handler);
  } catch (err) {
    // A key that does not match its certificate, a PEM that is not one, a PFX whose passphrase is wrong.
    throw new ConsoleError(`The TLS certificate cannot be used: ${(err as Error).message}`);
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(new ConsoleError(err.code === 'EADDRINUSE' ? `Port ${options.port} is already in use: choose another with --port.` : `The console could not listen on ${listen}: ${err.message}`)),
    );
    server.listen(options.port ?? 0, listen, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `${scheme}://${hostForUrl}:${port}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  res.end(body);
}

function unauthorized(res: http.ServerResponse) {
  send(res, 401, 'text/plain; charset=utf-8', 'This CDX Setup console needs its access token: open the address that `cdx-setup console` printed.');
}
