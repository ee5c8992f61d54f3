import type { CheckResult, ValidationReport } from '../../../shared/prerequisites/report';
import type { Host } from '../hosts/host';
import { findInstance } from '../instances/registry';
import type { PlanChoices } from '../plan/plan';
import { engineComponent } from '../components/registry';
import type { ComponentId } from '../../../shared/components/ids';
import type { ComponentSettings } from '../../../shared/components/component';
import type { RunSecrets } from '../plan/operation';
import { ALL_CHECKS } from '../prerequisites/checks/index';

/**
 * The prerequisite gate: before its first change every installation runs the full validation of page 8 and
 * `validate --settings` for its settings (SQL Server included). An error stops it; a check an admin may overrule
 * (`--skip-check ID`, like SQL Server Setup's /SKIPRULES) is still run and reported, but does not stop it.
 */
export interface GateVerdict {
  report: ValidationReport;
  /** The errors that stop the installation. */
  failed: CheckResult[];
  /** The checks skipped on request, with what they found. */
  skipped: CheckResult[];
}

export class SkipCheckError extends Error {}

/** The checks `--skip-check` accepts, for `--help` and the refusal of any other. */
export function skippableChecks(): { id: string; title: string }[] {
  return ALL_CHECKS.filter((c) => c.skippable).map((c) => ({ id: c.id, title: c.title }));
}

/** Refuses an unknown id, or one whose failure makes the installation fail for certain, naming the ones allowed. */
export function checkSkipList(ids: readonly string[]): void {
  const allowed = skippableChecks().map((c) => c.id);
  for (const id of ids) {
    const check = ALL_CHECKS.find((c) => c.id === id);
    if (!check) throw new SkipCheckError(`--skip-check ${id}: there is no prerequisite check with that id. The checks that can be skipped are: ${allowed.join(', ')}.`);
    if (!check.skippable) {
      throw new SkipCheckError(`--skip-check ${id}: "${check.title}" cannot be skipped: the installation would fail for certain without it. The checks that can be skipped are: ${allowed.join(', ')}.`);
    }
  }
}

export interface GateInput {
  host: Host;
  toolVersion: string;
  supportDir: string;
  component: ComponentId;
  instanceName: string;
  settings: ComponentSettings;
  choices: PlanChoices;
  secrets: RunSecrets;
  skip: readonly string[];
}

export async function runGate(input: GateInput): Promise<GateVerdict> {
  checkSkipList(input.skip);
  // Installing again over an installed instance is a modify: its own website's ports are not in its way.
  const modifies = findInstance(input.supportDir, input.instanceName) !== null;
  const report = await engineComponent(input.component).prerequisites({ ...input, modifies });
  const skip = new Set(input.skip);
  return {
    report,
    failed: report.results.filter((r) => r.status === 'error' && !skip.has(r.id)),
    skipped: report.results.filter((r) => skip.has(r.id)),
  };
}
