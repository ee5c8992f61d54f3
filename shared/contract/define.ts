import { z } from 'zod';

/** One API method as data: what the engine accepts and what it answers. */
export interface MethodSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
}

export function method<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res): MethodSpec<Req, Res> {
  return { request, response };
}

export const ApiErrorCode = z.enum(['bad-request', 'unknown-method', 'not-found', 'conflict', 'busy', 'failed', 'unauthorized']);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const ApiError = z.object({
  code: ApiErrorCode,
  message: z.string(),
  /** The field to fix, when one is to blame (a parameter name, or a request path). */
  field: z.string().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/** Calls answer with a result, never a thrown error: the renderer and the CLI decide what to show. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ApiErrorCode, message: string, field?: string): Result<never> {
  return { ok: false, error: field ? { code, message, field } : { code, message } };
}
