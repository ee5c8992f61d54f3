/**
 * The console's pages get the same Content-Security-Policy as the Electron window: scripts only from the console
 * itself, no framing, no plugins. Inline styles are allowed because Fluent UI writes its styles at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // The token is in the first URL; no Referer may carry it anywhere.
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};
