import { z } from 'zod';
import { API_ERROR_CODES, type ApiError as ApiErrorShape } from './result';

export { API_ERROR_CODES, fail, ok, type Result } from './result';

/** One API method as data: what the engine accepts and what it answers. */
export interface MethodSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
}

export function method<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res): MethodSpec<Req, Res> {
  return { request, response };
}

export const ApiErrorCode = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const ApiError: z.ZodType<ApiErrorShape> = z.object({
  code: ApiErrorCode,
  message: z.string(),
  field: z.string().optional(),
});
export type ApiError = ApiErrorShape;
