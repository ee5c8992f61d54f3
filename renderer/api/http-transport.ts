import type { ApiTransport } from '../../shared/contract/api';
import type { Result } from '../../shared/contract/define';

/**
 * The console's transport: API calls carry the per-run token in a header (the page got it in a meta tag), and
 * events arrive as server-sent events on the same origin.
 */
export function createHttpTransport(token: string): ApiTransport {
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let source: EventSource | null = null;

  const connect = () => {
    source = new EventSource('./api/events');
    source.onmessage = (message) => {
      const { event, payload } = JSON.parse(message.data as string) as { event: string; payload: unknown };
      for (const listener of listeners) listener(event, payload);
    };
  };

  return {
    async call(method, request) {
      const response = await fetch(`./api/call/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CDX-Token': token },
        body: JSON.stringify(request ?? {}),
      });
      if (response.status === 401) {
        return { ok: false, error: { code: 'unauthorized', message: 'The console refused the call: open the address that cdx-setup console printed.' } } satisfies Result<never>;
      }
      return (await response.json()) as Result<unknown>;
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!source) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = null;
        }
      };
    },
  };
}
