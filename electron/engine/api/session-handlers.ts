import { fail, ok } from '../../../shared/contract/define';
import { SupportFilesError } from '../support-files/support-files';
import type { HandlerSet } from './handler-types';

export const sessionHandlers: HandlerSet<'session.info' | 'supportFiles.choose' | 'session.quit'> = {
  async 'session.info'(_req, ctx) {
    const { host } = ctx;
    return ok({
      toolVersion: ctx.toolVersion,
      host: { kind: host.kind, computerName: host.computerName, description: host.description, rehearsal: host.rehearsal && { scenario: host.rehearsal.scenario, sandboxRoot: host.rehearsal.sandboxRoot } },
      supportFilesLocation: await ctx.supportFiles.location(),
      defaultSupportFilesLocation: await ctx.supportFiles.defaultLocation(),
      canQuit: ctx.canQuit,
    });
  },
  async 'supportFiles.choose'(req, ctx) {
    try {
      return ok({ location: await ctx.supportFiles.choose(req.location) });
    } catch (err) {
      if (err instanceof SupportFilesError) return fail('bad-request', err.message, 'location');
      return fail('failed', `The Setup support files folder could not be created: ${(err as Error).message}`, 'location');
    }
  },
  async 'session.quit'(_req, ctx) {
    if (ctx.canQuit) setTimeout(() => ctx.quit(), 50);
    return ok({ closing: ctx.canQuit });
  },
};
