import { fail, type Result } from './result';
import type { ApiTransport, EventName, EventPayload, MethodName, RequestOf, ResponseOf } from './api';

/** The typed face of a transport: the renderer's only way to the engine. */
export interface ApiClient {
  call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<Result<ResponseOf<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createClient(transport: ApiTransport): ApiClient {
  return {
    async call(method, request) {
      try {
        return (await transport.call(method, request)) as Result<ResponseOf<typeof method>>;
      } catch (err) {
        return fail('failed', `The setup engine could not be reached: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
    on(event, listener) {
      return transport.subscribe((name, payload) => {
        if (name === event) listener(payload as EventPayload<typeof event>);
      });
    },
  };
}
