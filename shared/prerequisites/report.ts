import { z } from 'zod';
import { ComponentId, HostKind } from '../contract/schemas';

/**
 * The prerequisite validation report: what the wizard shows, what `cdx-setup validate --json` prints and what support
 * staff send. Versioned: a reader checks `schema` and `schemaVersion` (documented in docs/prerequisites.md).
 */
export const REPORT_SCHEMA = 'cdx-setup/prerequisites-report';
export const REPORT_SCHEMA_VERSION = 1;

export const CheckStatus = z.enum(['passed', 'warning', 'error', 'not-applicable']);
export type CheckStatus = z.infer<typeof CheckStatus>;

/** Before configuring (page 5: the computer alone), or after (page 8: with the ports, certificate, SQL and accounts). */
export const ValidationStage = z.enum(['before-configure', 'after-configure']);
export type ValidationStage = z.infer<typeof ValidationStage>;

export const CheckResult = z.object({
  id: z.string(),
  title: z.string(),
  status: CheckStatus,
  /** What was found, in plain words. */
  details: z.string(),
  /** What to do about it; empty when nothing needs doing. */
  fix: z.string(),
  durationMs: z.number().nonnegative(),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const ValidationSummary = z.object({
  total: z.number().int(),
  passed: z.number().int(),
  warnings: z.number().int(),
  errors: z.number().int(),
  notApplicable: z.number().int(),
  /** error when any check is an error: the wizard blocks Next and the CLI exits 3. */
  outcome: z.enum(['passed', 'warning', 'error']),
  durationMs: z.number().nonnegative(),
});
export type ValidationSummary = z.infer<typeof ValidationSummary>;

export const ValidationReport = z.object({
  schema: z.literal(REPORT_SCHEMA),
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: z.object({ name: z.literal('cdx-setup'), version: z.string() }),
  /** When the run started (ISO 8601, UTC). */
  time: z.string(),
  computer: z.object({
    name: z.string(),
    hostKind: HostKind,
    description: z.string(),
    rehearsalScenario: z.string().nullable(),
  }),
  stage: ValidationStage,
  components: z.array(ComponentId),
  /** The settings the checks used; passwords never come here (AppPoolPassword only says whether one was entered). */
  settings: z.record(z.string(), z.string()),
  secrets: z.object({ AppPoolPassword: z.enum(['entered (not shown)', 'not entered']) }),
  configure: z.boolean(),
  summary: ValidationSummary,
  results: z.array(CheckResult),
});
export type ValidationReport = z.infer<typeof ValidationReport>;

export function summarize(results: CheckResult[], durationMs: number): ValidationSummary {
  const count = (s: CheckStatus) => results.filter((r) => r.status === s).length;
  const errors = count('error');
  const warnings = count('warning');
  return {
    total: results.length,
    passed: count('passed'),
    warnings,
    errors,
    notApplicable: count('not-applicable'),
    outcome: errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'passed',
    durationMs,
  };
}
