import type { z } from 'zod';

/** A zod failure as one sentence that names the path, e.g. `settings.WebSiteHttpsPort: expected string`. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(request)'}: ${issue.message}`)
    .join('; ');
}
