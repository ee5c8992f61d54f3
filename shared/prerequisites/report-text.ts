import type { CheckStatus, ValidationSummary } from './report';

// Apart from the zod schemas in report.ts, so that the renderer, which shows reports, does not carry zod.

export const STATUS_LABELS: Record<CheckStatus, string> = {
  error: 'Error',
  warning: 'Warning',
  passed: 'Passed',
  'not-applicable': 'Not applicable',
};

/** Errors first: what blocks comes first on every screen and in every report. */
export const STATUS_ORDER: CheckStatus[] = ['error', 'warning', 'passed', 'not-applicable'];

/** "11 passed, 1 warning, 2 errors, 3 not applicable": the same words on every screen and in every report. */
export function describeCounts(s: ValidationSummary): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return `${s.passed} passed, ${n(s.warnings, 'warning', 'warnings')}, ${n(s.errors, 'error', 'errors')}, ${s.notApplicable} not applicable`;
}
