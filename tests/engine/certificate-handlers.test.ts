import { describe, expect, it } from 'vitest';
import { rehearsalEngine } from '../support/rehearsal';

describe('certificates.list', () => {
  it("answers a store that cannot be read with the host's message, naming no component's field", async () => {
    const { host, engine } = rehearsalEngine();
    host.listCertificates = async () => {
      throw new Error('The certificate store LocalMachine\\Nope cannot be opened.');
    };
    const r = await engine.dispatch('certificates.list', { rootStore: 'LocalMachine', store: 'Nope' });
    expect(r).toEqual({ ok: false, error: { code: 'failed', message: 'The certificate store LocalMachine\\Nope cannot be opened.' } });
  });
});
