import type { EventName, EventPayload } from '../../shared/contract/api';
import type { Host } from './hosts/host';
import { SupportFiles } from './support-files/support-files';

export type EventListener = (event: string, payload: unknown) => void;

/** What every request handler can use: the host, the support files, and the event stream. */
export interface EngineContext {
  readonly host: Host;
  readonly supportFiles: SupportFiles;
  readonly toolVersion: string;
  /** Whether the front door can close itself (the Electron shell) or stays up (the console). */
  readonly canQuit: boolean;
  quit(): void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export interface EngineOptions {
  host: Host;
  toolVersion: string;
  canQuit?: boolean;
  onQuit?: () => void;
}

export function createEngineContext(options: EngineOptions): EngineContext & { subscribe(listener: EventListener): () => void } {
  const listeners = new Set<EventListener>();
  return {
    host: options.host,
    supportFiles: new SupportFiles(options.host),
    toolVersion: options.toolVersion,
    canQuit: options.canQuit ?? false,
    quit: () => options.onQuit?.(),
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
