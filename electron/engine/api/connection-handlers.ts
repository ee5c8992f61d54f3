import { fail, ok } from '../../../shared/contract/define';
import { parseServiceUrl } from '../connection/service-url';
import { probeService } from '../connection/service-probe';
import type { HandlerSet } from './handler-types';

export const connectionHandlers: HandlerSet<'connection.test'> = {
  async 'connection.test'(req, ctx) {
    const url = parseServiceUrl(req.url);
    if (typeof url === 'string') return fail('bad-request', url, 'url');
    return ok(await probeService(url, ctx.host.network, { netTcpPort: req.netTcpPort, timeoutMs: req.timeoutMs }));
  },
};
