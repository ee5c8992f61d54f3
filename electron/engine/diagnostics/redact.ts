import { MASK } from '../executor/run-log';

/**
 * The last guard before a file leaves the computer in a support bundle. Logs are masked when written and the journal,
 * the registry and the reports hold no secret by design; this also masks the secrets this process knows (the
 * CDX_SETUP_* password variables) and any value that names itself a password, however it got into a file:
 * `Password=…;` in a connection string, `"password": "…"` in JSON, `key="…Password" value="…"` in a settings file.
 */
const LABELLED = [
  // Connection strings and command lines: Password=…; Pwd=…
  /((?:password|pwd)\s*=\s*)("[^"]*"|'[^']*'|[^;\s"'<>]+)/gi,
  // JSON properties whose name says password, pwd or secret.
  /("[^"]*(?:password|pwd|secret)[^"]*"\s*:\s*)("(?:[^"\\]|\\.)*")/gi,
  // ss-settings.xml lines: <Setting key="SomethingPassword" value="…" />
  /(key\s*=\s*"[^"]*(?:password|pwd)[^"]*"\s+value\s*=\s*)("[^"]*")/gi,
];

/** What the prerequisite report says in place of the app pool password (shared/prerequisites/report.ts). */
const NOT_SECRETS = new Set(['entered (not shown)', 'not entered']);

export function redactSecrets(text: string, known: string[]): string {
  let out = text;
  for (const secret of known) if (secret) out = out.split(secret).join(MASK);
  for (const pattern of LABELLED) {
    out = out.replace(pattern, (whole, label: string, value: string) => {
      const quote = /^["']/.test(value) ? value[0] : '';
      const inner = quote ? value.slice(1, -1) : value;
      // An empty value, and the report's own words for a password it never held, are shown as they are.
      return inner && inner !== MASK && !NOT_SECRETS.has(inner) ? `${label}${quote}${MASK}${quote}` : whole;
    });
  }
  return out;
}
