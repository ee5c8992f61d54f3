import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pwshPath } from '../support/windows-tools';
import { PS4_RULES, type Feature, type Rule } from './ps4-rules';

export interface NamedScript {
  name: string;
  text: string;
}

export interface Refusal {
  rule: Rule;
  line: number;
  text: string;
}

export interface ScriptVerdict {
  name: string;
  /** pwsh's own parse errors: a script that does not parse in PowerShell 7 does not parse in 4.0 either. */
  parseErrors: { line: number; message: string }[];
  refusals: Refusal[];
}

const WALKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ast-features.ps1');

/** Every script through one pwsh: pwsh's parser reads each, ast-features.ps1 lists what it uses, PS4_RULES judge. */
export function checkForPowerShell4(scripts: NamedScript[]): ScriptVerdict[] {
  const run = spawnSync(pwshPath(), ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', WALKER], {
    input: JSON.stringify(scripts),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`ast-features.ps1 failed (exit ${run.status}): ${run.stderr || run.error?.message}`);
  const answer = JSON.parse(run.stdout) as { name: string; errors: ScriptVerdict['parseErrors']; features: Feature[] }[];
  return answer.map((a) => ({
    name: a.name,
    parseErrors: a.errors,
    refusals: a.features.flatMap((f) => PS4_RULES.filter((r) => r.matches(f)).map((rule) => ({ rule, line: f.line, text: f.text }))),
  }));
}

/** One line per problem: the script, the line, the construct and why 4.0 refuses it. */
export function describeVerdict(v: ScriptVerdict): string[] {
  return [
    ...v.parseErrors.map((e) => `${v.name}:${e.line}: does not parse: ${e.message}`),
    ...v.refusals.map((r) => `${v.name}:${r.line}: ${r.rule.construct} (PowerShell ${r.rule.since}) in "${r.text}": ${r.rule.reason}`),
  ];
}
