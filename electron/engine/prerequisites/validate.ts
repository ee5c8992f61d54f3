import type { ValidationReport } from '../../../shared/prerequisites/report';
import { engineComponents } from '../components/registry';
import type { PrerequisiteCheck } from './check';
import { checksFor } from './checks/index';
import { runValidation, type ValidationOptions, type ValidationRequest } from './run-validation';

/**
 * One validation run for the request's components (page 5 and 8, `cdx-setup validate`): the checks their registry
 * entries give and the frame's checks of the computer, judging the settings of the first of them (in Setup's order)
 * whose entry has checks of the choices.
 */
export async function validatePrerequisites(
  request: ValidationRequest,
  options: ValidationOptions & {
    /** Tests and the benchmark swap in their own checks; every check of the components otherwise. */
    checks?: readonly PrerequisiteCheck[];
  },
): Promise<ValidationReport> {
  const judged = engineComponents().find((c) => c.checks && request.components.includes(c.definition.id));
  return runValidation(request, {
    ...options,
    checks: options.checks ?? checksFor(request.components),
    judged: judged?.checks ? { checks: judged.checks, messageDatabase: judged.messageDatabase } : null,
  });
}
