import { COMPONENT_IDS, type ComponentId } from '../../../../shared/components/ids';
import { engineComponents } from '../../components/registry';
import type { PrerequisiteCheck } from '../check';
import { dotNetCheck, executionPolicyCheck, pendingRebootCheck, setupRunningCheck, sqlcmdCheck } from './system';

/** The frame's checks of the computer alone, which every component's installation needs. */
export const COMPUTER_CHECKS: readonly PrerequisiteCheck[] = [
  dotNetCheck,
  sqlcmdCheck,
  executionPolicyCheck,
  setupRunningCheck,
  pendingRebootCheck,
];

/**
 * The checks a run for these components makes, in the order reports list them: the checks each one's registry entry
 * lists (in Setup's order), then the frame's checks of the computer that concern a component and none of them listed.
 */
export function checksFor(components: readonly ComponentId[]): PrerequisiteCheck[] {
  const listed = engineComponents().filter((c) => components.includes(c.definition.id)).flatMap((c) => c.checks?.list ?? []);
  const all = [...listed, ...COMPUTER_CHECKS].filter((check) => check.components.some((id) => components.includes(id)));
  return all.filter((check, i) => all.indexOf(check) === i);
}

/** Every prerequisite check of every component, in the order reports list them. */
export const ALL_CHECKS: readonly PrerequisiteCheck[] = checksFor(COMPONENT_IDS);
