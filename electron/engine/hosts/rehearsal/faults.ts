import { z } from 'zod';
import { describeZodError } from '../../../../shared/contract/describe-error';
import { ScenarioError } from './scenario';

/**
 * The scenario's `faults` section: `{ "operation": "iis.site:AsyncServerSite", "message": "…" }` makes that plan
 * operation fail once it has made its changes, so QA can watch a rollback from any step.
 */
export const ScenarioFault = z.strictObject({
  operation: z.string().min(1),
  message: z.string().min(1).default('Simulated failure (rehearsal scenario fault).'),
});
export type ScenarioFault = z.infer<typeof ScenarioFault>;

export function parseFaults(file: string, raw: unknown[]): ScenarioFault[] {
  const parsed = z.array(ScenarioFault).safeParse(raw);
  if (!parsed.success) throw new ScenarioError(file, `has an invalid "faults" section: ${describeZodError(parsed.error)}`);
  return parsed.data;
}
