import type { Result } from '../../shared/contract/define';
import { dispatch } from './api/dispatch';
import { createEngineContext, type EngineContext, type EngineOptions, type EventListener } from './engine';

export interface Engine {
  readonly context: EngineContext;
  dispatch(method: string, payload: unknown): Promise<Result<unknown>>;
  subscribe(listener: EventListener): () => void;
}

export function createEngine(options: EngineOptions): Engine {
  const context = createEngineContext(options);
  return {
    context,
    dispatch: (method, payload) => dispatch(context, method, payload),
    subscribe: (listener) => context.subscribe(listener),
  };
}
