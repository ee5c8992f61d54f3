/**
 * Results as plain TypeScript, without zod, so that the renderer's client carries no schema library; the zod
 * schema of ApiError lives beside the method map in define.ts.
 */
export const API_ERROR_CODES = ['bad-request', 'unknown-method', 'not-found', 'conflict', 'busy', 'failed', 'unauthorized'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** The field to fix, when one is to blame (a parameter name, or a request path). */
  field?: string;
}

/** Calls answer with a result, never a thrown error: the renderer and the CLI decide what to show. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ApiErrorCode, message: string, field?: string): Result<never> {
  return { ok: false, error: field ? { code, message, field } : { code, message } };
}
