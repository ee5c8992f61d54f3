// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_ANSWERS_ELEMENT_ID } from '../../shared/contract/first-answers';

const call = vi.fn(async (method: string) => ({ ok: true as const, value: { askedFor: method } }));
vi.mock('../../renderer/api/client', () => ({ api: { call } }));

/** session-request.ts as a fresh page evaluates it, with the document the page was served as. */
async function sessionRequestIn(body: string) {
  document.body.innerHTML = body;
  vi.resetModules();
  return (await import('../../renderer/wizard/session-request')).sessionRequest;
}

describe("the first page's session", () => {
  beforeEach(() => call.mockClear());
  afterEach(() => (document.body.innerHTML = ''));

  it("takes the answers the console wrote into the page, and asks the engine nothing", async () => {
    const info = { ok: true, value: { toolVersion: 'from-page' } };
    const defaults = { ok: true, value: { component: 'async-server', settings: {} } };
    const json = JSON.stringify({ 'session.info': info, 'settings.defaults': defaults });
    expect(await sessionRequestIn(`<script type="application/json" id="${FIRST_ANSWERS_ELEMENT_ID}">${json}</script>`)).toEqual([info, defaults]);
    expect(call).not.toHaveBeenCalled();
  });

  it('asks the engine when the element is empty (Electron, or an engine that threw)', async () => {
    const answers = await sessionRequestIn(`<script type="application/json" id="${FIRST_ANSWERS_ELEMENT_ID}"></script>`);
    expect(answers).toEqual([
      { ok: true, value: { askedFor: 'session.info' } },
      { ok: true, value: { askedFor: 'settings.defaults' } },
    ]);
    expect(call.mock.calls.map((c) => c[0])).toEqual(['session.info', 'settings.defaults']);
  });
});
