import { fail, ok } from '../../../shared/contract/define';
import type { HandlerSet } from './handler-types';

export const certificateHandlers: HandlerSet<'certificates.list'> = {
  async 'certificates.list'(req, ctx) {
    try {
      const certificates = await ctx.host.listCertificates(req.rootStore, req.store);
      certificates.sort((a, b) => Number(b.hasPrivateKey && !b.expired) - Number(a.hasPrivateKey && !a.expired) || a.subject.localeCompare(b.subject));
      return ok({ certificates });
    } catch (err) {
      // The store is the request's, not a field the frame knows: the picker that asked shows the message itself.
      return fail('failed', (err as Error).message);
    }
  },
};
