import type { z } from 'zod';
import type { Result } from './define';
import { events } from './events';
import { certificateMethods } from './methods/certificates';
import { connectionMethods } from './methods/connection';
import { prerequisiteMethods } from './methods/prerequisites';
import { databaseMethods } from './methods/database';
import { diagnosticsMethods } from './methods/diagnostics';
import { installMethods } from './methods/install';
import { sessionMethods } from './methods/session';
import { settingsMethods } from './methods/settings';
import { settingsFileMethods } from './methods/settings-files';

/**
 * The one API map. The Electron main process, the console server and the renderer client are all made from it,
 * and the engine validates every request against it (the renderer is untrusted input).
 */
export const methods = {
  ...sessionMethods,
  ...settingsMethods,
  ...certificateMethods,
  ...settingsFileMethods,
  ...prerequisiteMethods,
  ...databaseMethods,
  ...connectionMethods,
  ...installMethods,
  ...diagnosticsMethods,
};

export { events };

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type RequestOf<M extends MethodName> = z.input<Methods[M]['request']>;
export type ParsedRequestOf<M extends MethodName> = z.output<Methods[M]['request']>;
export type ResponseOf<M extends MethodName> = z.output<Methods[M]['response']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const METHOD_NAMES = Object.keys(methods) as MethodName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

/** What any transport offers the renderer: a call that answers with a result, and event subscriptions. */
export interface ApiTransport {
  call(method: string, request: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}
