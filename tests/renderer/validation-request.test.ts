// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { useSecrets } from '../../renderer/store/secrets';
import { useWizard } from '../../renderer/store/store';
import { freshWizard } from './wizard-state';

/**
 * What the wizard's validation runs send (10 item 7d): the app pool password goes with the run after Configure Async
 * Server, for its check, and with no other; it stays out of the wizard's state and the validation store.
 */
const requests: { method: string; request: Record<string, unknown> }[] = [];
let runValidation: (stage: 'before-configure' | 'after-configure') => Promise<void>;
let useValidation: { getState(): unknown };

beforeAll(async () => {
  // The Electron preload's bridge, as the renderer's client finds it: every call is recorded and answered "failed".
  window.cdxSetup = {
    call: async (method, request) => {
      requests.push({ method, request: request as Record<string, unknown> });
      return { ok: false, error: { code: 'failed', message: 'not in this test' } } as never;
    },
    subscribe: () => () => {},
  };
  ({ runValidation, useValidation } = await import('../../renderer/prerequisites/validation-store'));
});

describe('the validation runs of the wizard', () => {
  it('send the app pool password after Configure Async Server only, and keep it nowhere', async () => {
    const canary = 'Canary-Wizard-Pa55!-a1';
    freshWizard();
    useSecrets.getState().setAppPoolPassword(canary);
    await runValidation('before-configure');
    await runValidation('after-configure');
    const runs = requests.filter((r) => r.method === 'prerequisites.run').map((r) => r.request);
    expect(runs.map((r) => [r.stage, r.appPoolPassword, r.passwordProvided])).toEqual([
      ['before-configure', undefined, true],
      ['after-configure', canary, true],
    ]);
    expect(JSON.stringify(useWizard.getState())).not.toContain(canary);
    expect(JSON.stringify(useValidation.getState())).not.toContain(canary);
  });

  it("send the Async Client service account's password after the Configure pages only, and keep it nowhere", async () => {
    const canary = 'Canary-Service-Pa55!-b2';
    freshWizard();
    requests.length = 0;
    useSecrets.getState().setServicePassword(canary);
    await runValidation('before-configure');
    await runValidation('after-configure');
    const runs = requests.filter((r) => r.method === 'prerequisites.run').map((r) => r.request);
    expect(runs.map((r) => [r.stage, r.servicePassword])).toEqual([
      ['before-configure', undefined],
      ['after-configure', canary],
    ]);
    expect(JSON.stringify(useWizard.getState())).not.toContain(canary);
    expect(JSON.stringify(useValidation.getState())).not.toContain(canary);
  });

  it('send no password when none is entered', async () => {
    freshWizard();
    requests.length = 0;
    await runValidation('after-configure');
    expect(requests[0].request).toMatchObject({ passwordProvided: false });
    expect('appPoolPassword' in requests[0].request && requests[0].request.appPoolPassword !== undefined).toBe(false);
    expect('servicePassword' in requests[0].request && requests[0].request.servicePassword !== undefined).toBe(false);
  });
});
