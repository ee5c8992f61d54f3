// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_ANSWERS_ELEMENT_ID } from '../../shared/contract/first-answers';
import { resetWizard, useWizard } from '../../renderer/store/store';
import { startWizardWith } from '../../renderer/wizard/start-wizard';
import { session } from './wizard-state';

const { call } = vi.hoisted(() => ({ call: vi.fn(async (method: string) => ({ ok: true as const, value: { askedFor: method } })) }));
vi.mock('../../renderer/api/client', () => ({ api: { call } }));

/** session-request.ts as a fresh page evaluates it, with the document the page was served as. */
async function sessionRequestIn(body: string) {
  document.body.innerHTML = body;
  vi.resetModules();
  return import('../../renderer/wizard/session-request');
}

describe("the first page's session", () => {
  beforeEach(() => call.mockClear());
  afterEach(() => (document.body.innerHTML = ''));

  it('takes the answers the console wrote into the page, at once, and asks the engine nothing', async () => {
    const info = { ok: true, value: { toolVersion: 'from-page' } };
    const defaults = { ok: true, value: { component: 'async-server', settings: {} } };
    const json = JSON.stringify({ 'session.info': info, 'settings.defaults': defaults });
    const module = await sessionRequestIn(`<script type="application/json" id="${FIRST_ANSWERS_ELEMENT_ID}">${json}</script>`);
    expect(module.sessionInPage).toEqual([info, defaults]);
    expect(await module.sessionRequest).toEqual([info, defaults]);
    expect(call).not.toHaveBeenCalled();
  });

  it('asks the engine when the element is empty (Electron, or an engine that threw)', async () => {
    const module = await sessionRequestIn(`<script type="application/json" id="${FIRST_ANSWERS_ELEMENT_ID}"></script>`);
    expect(module.sessionInPage).toBeNull();
    expect(await module.sessionRequest).toEqual([
      { ok: true, value: { askedFor: 'session.info' } },
      { ok: true, value: { askedFor: 'settings.defaults' } },
    ]);
    expect(call.mock.calls.map((c) => c[0])).toEqual(['session.info', 'settings.defaults']);
  });
});

describe('starting the wizard from the answers', () => {
  beforeEach(() => resetWizard());

  it('opens the first page in the same task when its view is in the first bundle', () => {
    const defaults = { ok: true as const, value: { component: 'async-server' as const, settings: { WebsiteName: 'From the engine' } } };
    expect(startWizardWith([{ ok: true, value: session() }, defaults])).toBeNull();
    expect(useWizard.getState()).toMatchObject({ pageId: 'support-files', supportFilesLocation: session().defaultSupportFilesLocation, settings: { WebsiteName: 'From the engine' } });
  });

  it("says why when the session could not be had, and opens no page", () => {
    const failed = { ok: false as const, error: { code: 'failed' as const, message: 'The setup engine could not be reached.' } };
    expect(startWizardWith([failed, failed])).toBeNull();
    expect(useWizard.getState().sessionError).toBe('The setup engine could not be reached.');
    expect(useWizard.getState().session).toBeNull();
  });
});
