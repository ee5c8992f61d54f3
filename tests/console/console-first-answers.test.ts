import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startConsole, type RunningConsole } from '../../electron/console/server';
import type { Engine } from '../../electron/engine/create-engine';
import { FIRST_ANSWERS_ELEMENT_ID, FIRST_ANSWERS_SLOT } from '../../shared/contract/first-answers';
import { rehearsalEngine } from '../support/rehearsal';

const PAGE = `<!doctype html><html><head><title>CDX Setup</title><script type="module" src="./assets/main.js"></script></head><body><div id="root"></div>${FIRST_ANSWERS_SLOT}</body></html>`;

function staticRoot(html: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cdx-static-'));
  writeFileSync(path.join(root, 'index.html'), html);
  return root;
}

/** The page as the browser gets it, chunk by chunk, with the moment each chunk came. */
function getPage(running: RunningConsole, onChunk: (text: string) => void = () => {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: running.port, path: '/', headers: { Cookie: `cdx-console=${running.token}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => {
        body += d;
        onChunk(d);
      });
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
  });
}

function answersIn(html: string): Record<string, unknown> | null {
  const match = new RegExp(`<script type="application/json" id="${FIRST_ANSWERS_ELEMENT_ID}">([^<]*)</script>`).exec(html);
  if (!match) throw new Error('The page has no first-answers element.');
  return match[1] ? (JSON.parse(match[1]) as Record<string, unknown>) : null;
}

describe("the console writes the engine's first answers into the page", () => {
  let running: RunningConsole | undefined;
  afterEach(() => running?.close());

  it('gives the answers the API gives to session.info and settings.defaults', async () => {
    const { engine } = rehearsalEngine();
    running = await startConsole({ engine, staticRoot: staticRoot(PAGE) });
    const answers = answersIn(await getPage(running));
    expect(answers).toEqual({ 'session.info': await engine.dispatch('session.info', {}), 'settings.defaults': await engine.dispatch('settings.defaults', {}) });
    expect(answers?.['session.info']).toMatchObject({ ok: true, value: { host: { kind: 'rehearsal' } } });
  });

  it('sends the head, with its scripts, before the engine has answered', async () => {
    const { engine } = rehearsalEngine();
    let answer = () => {};
    const held = new Promise<void>((resolve) => (answer = resolve));
    const slow: Engine = { ...engine, dispatch: async (method, payload) => (await held, engine.dispatch(method, payload)) };
    running = await startConsole({ engine: slow, staticRoot: staticRoot(PAGE) });
    const chunks: string[] = [];
    const page = getPage(running, (text) => {
      chunks.push(text);
      answer();
    });
    const html = await page;
    expect(chunks[0]).toContain('<script type="module" src="./assets/main.js"></script></head>');
    expect(chunks[0]).not.toContain(FIRST_ANSWERS_ELEMENT_ID);
    expect(answersIn(html)).toMatchObject({ 'session.info': { ok: true } });
  });

  it('escapes what could end the element, so a value cannot become markup', async () => {
    const { engine } = rehearsalEngine();
    const value = { description: '</script><script>alert(1)</script> & <!--' };
    const hostile: Engine = { ...engine, dispatch: async () => ({ ok: true, value }) };
    running = await startConsole({ engine: hostile, staticRoot: staticRoot(PAGE) });
    const html = await getPage(running);
    expect(html).not.toContain('<script>alert(1)');
    expect(answersIn(html)).toEqual({ 'session.info': { ok: true, value }, 'settings.defaults': { ok: true, value } });
  });

  it('leaves the element empty when the engine throws, so the page asks for itself', async () => {
    const { engine } = rehearsalEngine();
    const broken: Engine = { ...engine, dispatch: () => Promise.reject(new Error('engine down')) };
    running = await startConsole({ engine: broken, staticRoot: staticRoot(PAGE) });
    const html = await getPage(running);
    expect(html).toContain(FIRST_ANSWERS_SLOT);
    expect(answersIn(html)).toBeNull();
  });

  it('serves a page without the element as it is, asking the engine nothing', async () => {
    const { engine } = rehearsalEngine();
    let calls = 0;
    const counting: Engine = { ...engine, dispatch: (method, payload) => (calls++, engine.dispatch(method, payload)) };
    const bare = '<!doctype html><html><head><title>Bare</title></head><body><div id="root"></div></body></html>';
    running = await startConsole({ engine: counting, staticRoot: staticRoot(bare) });
    const html = await getPage(running);
    expect(html).toBe(bare.replace('<head>', `<head><meta name="cdx-console-token" content="${running.token}">`));
    expect(calls).toBe(0);
  });
});
