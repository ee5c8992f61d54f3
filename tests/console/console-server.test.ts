import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, type RunningConsole } from '../../electron/console/server';
import { rehearsalEngine } from '../support/rehearsal';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so the Host header and cookies are exactly what a test says. */
function request(port: number, pathAndQuery: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathAndQuery, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the web console', () => {
  let running: RunningConsole;
  const staticRoot = mkdtempSync(path.join(os.tmpdir(), 'cdx-static-'));

  beforeAll(async () => {
    writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><html><head><title>CDX Setup</title></head><body></body></html>');
    writeFileSync(path.join(os.tmpdir(), 'cdx-secret-outside.txt'), 'outside');
    running = await startConsole({ engine: rehearsalEngine().engine, staticRoot });
  });
  afterAll(() => running.close());

  it('prints an address on loopback carrying a random token', () => {
    expect(running.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${running.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('refuses pages, events and API calls without the token (401)', async () => {
    expect((await request(running.port, '/')).status).toBe(401);
    expect((await request(running.port, '/api/events')).status).toBe(401);
    const call = await request(running.port, '/api/call/session.info', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    expect(call.status).toBe(401);
    expect(call.body).not.toContain('"ok"');
    expect((await request(running.port, '/?token=wrong')).status).toBe(401);
  });

  it('trades the token in the address for a strict cookie and takes it out of the address', async () => {
    const first = await request(running.port, `/?token=${running.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(first.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict; Path=\//);
    expect(first.headers['referrer-policy']).toBe('no-referrer');
    const page = await request(running.port, '/', { headers: { Cookie: `cdx-console=${running.token}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain(`<meta name="cdx-console-token" content="${running.token}">`);
  });

  it('needs the token header, not just the cookie, for API calls', async () => {
    const cookieOnly = await request(running.port, '/api/call/session.info', { method: 'POST', body: '{}', headers: { Cookie: `cdx-console=${running.token}` } });
    expect(cookieOnly.status).toBe(401);
    const signed = await request(running.port, '/api/call/session.info', { method: 'POST', body: '{}', headers: { 'X-CDX-Token': running.token } });
    expect(signed.status).toBe(200);
    expect(JSON.parse(signed.body)).toMatchObject({ ok: true, value: { host: { kind: 'rehearsal' } } });
  });

  it('answers a malformed request with a clear error, not a crash', async () => {
    const notJson = await request(running.port, '/api/call/settings.check', { method: 'POST', body: '{nope', headers: { 'X-CDX-Token': running.token } });
    expect(JSON.parse(notJson.body)).toEqual({ ok: false, error: { code: 'bad-request', message: 'The request body is not JSON.' } });
    const wrong = await request(running.port, '/api/call/settings.check', { method: 'POST', body: '{"settings":{}}', headers: { 'X-CDX-Token': running.token } });
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('settings.check is invalid') } });
  });

  it('refuses another Host name (DNS rebinding) and paths outside the wizard', async () => {
    const rebinding = await request(running.port, '/', { headers: { Host: `evil.example:${running.port}`, Cookie: `cdx-console=${running.token}` } });
    expect(rebinding.status).toBe(421);
    const traversal = await request(running.port, '/..%2Fcdx-secret-outside.txt', { headers: { Cookie: `cdx-console=${running.token}` } });
    expect(traversal.body).not.toContain('outside');
  });
});

describe('listening beyond loopback', () => {
  it('is refused without TLS', async () => {
    await expect(startConsole({ engine: rehearsalEngine().engine, staticRoot: os.tmpdir(), listen: '0.0.0.0' })).rejects.toThrow(/--tls-cert and --tls-key/);
  });
});
