import { isMethodName, methods, type MethodName } from '../../../shared/contract/api';
import { fail, type Result } from '../../../shared/contract/define';
import { describeZodError } from '../../../shared/contract/describe-error';
import type { EngineContext } from '../engine';
import { certificateHandlers } from './certificate-handlers';
import { connectionHandlers } from './connection-handlers';
import { databaseHandlers } from './database-handlers';
import { diagnosticsHandlers } from './diagnostics-handlers';
import type { HandlerSet } from './handler-types';
import { prerequisiteHandlers } from './prerequisite-handlers';
import { installHandlers } from './install-handlers';
import { sessionHandlers } from './session-handlers';
import { settingsFileHandlers } from './settings-file-handlers';
import { settingsHandlers } from './settings-handlers';

const handlers: HandlerSet<MethodName> = {
  ...sessionHandlers,
  ...settingsHandlers,
  ...certificateHandlers,
  ...settingsFileHandlers,
  ...prerequisiteHandlers,
  ...databaseHandlers,
  ...connectionHandlers,
  ...installHandlers,
  ...diagnosticsHandlers,
};

/**
 * The one door into the engine for every front end. The request is untrusted: it is checked against the contract
 * before any handler sees it, and a handler's failure comes back as a result, never as a thrown error.
 */
export async function dispatch(ctx: EngineContext, method: string, payload: unknown): Promise<Result<unknown>> {
  if (typeof method !== 'string' || !isMethodName(method)) {
    return fail('unknown-method', `"${String(method)}" is not a CDX Setup API method.`);
  }
  const spec = methods[method];
  const parsed = spec.request.safeParse(payload ?? {});
  if (!parsed.success) {
    return fail('bad-request', `The request for ${method} is invalid: ${describeZodError(parsed.error)}`, parsed.error.issues[0]?.path.join('.'));
  }
  let result: Result<unknown>;
  try {
    result = await (handlers[method] as (req: unknown, ctx: EngineContext) => Promise<Result<unknown>>)(parsed.data, ctx);
  } catch (err) {
    // Handlers keep secrets out of their errors; the message is shown as it is.
    return fail('failed', `${method} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (result.ok) {
    const checked = spec.response.safeParse(result.value);
    if (!checked.success) return fail('failed', `${method} produced an answer that breaks the contract: ${describeZodError(checked.error)}`);
    return { ok: true, value: checked.data };
  }
  return result;
}
