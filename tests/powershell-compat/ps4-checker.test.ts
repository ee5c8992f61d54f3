import { describe, expect, it } from 'vitest';
import { checkForPowerShell4, describeVerdict } from './ps4-checker';
import { PS4_ALLOWED, PS4_RULES } from './ps4-rules';

/** The checker itself: every refused construct is refused on its example, and what 4.0 has passes. */
describe('the Windows PowerShell 4.0 checker', () => {
  const verdicts = checkForPowerShell4([
    ...PS4_RULES.map((r) => ({ name: r.id, text: r.example })),
    ...PS4_ALLOWED.map((a) => ({ name: `allowed:${a.construct}`, text: a.example })),
  ]);
  const verdict = (name: string) => verdicts.find((v) => v.name === name)!;

  it('has a distinct id and a reason for every refusal', () => {
    expect(new Set(PS4_RULES.map((r) => r.id)).size).toBe(PS4_RULES.length);
    for (const r of PS4_RULES) expect(r.reason.length, r.id).toBeGreaterThan(20);
  });

  it.each(PS4_RULES.map((r) => [r.id, r.example] as const))('refuses %s in its example: %s', (id) => {
    const v = verdict(id);
    expect(v.refusals.map((r) => r.rule.id)).toContain(id);
    // The refusal names where and why, as a failing production script would show it.
    expect(describeVerdict(v).find((line) => line.includes(PS4_RULES.find((r) => r.id === id)!.construct))).toMatch(/:1: .*\(PowerShell .*\) in ".*": .+/);
  });

  it.each(PS4_ALLOWED.map((a) => [a.construct, a.example] as const))('lets %s pass (%s)', (construct) => {
    const v = verdict(`allowed:${construct}`);
    expect(describeVerdict(v)).toEqual([]);
  });

  it('binds parameters as PowerShell does: an abbreviation or a positional third child is still refused', () => {
    const [abbreviated, positional, spelled] = checkForPowerShell4([
      { name: 'abbreviated', text: 'Get-ChildItem -Path C:\\ -Dep 1' },
      { name: 'positional', text: "$p = Join-Path $root 'a' 'b'" },
      { name: 'spelled', text: 'Get-ChildItem -LiteralPath C:\\ -Recurse' },
    ]);
    expect(abbreviated.refusals.map((r) => r.rule.id)).toEqual(['parameter:Get-ChildItem -Depth']);
    expect(positional.refusals.map((r) => r.rule.id)).toEqual(['parameter:Join-Path -AdditionalChildPath']);
    expect(spelled.refusals).toEqual([]);
  });

  it('reports a parse error with its line', () => {
    const [v] = checkForPowerShell4([{ name: 'broken', text: "$a = 1\nif ($a -eq 1 { 'x' }" }]);
    expect(v.parseErrors.length).toBeGreaterThan(0);
    expect(describeVerdict(v)[0]).toMatch(/^broken:2: does not parse: /);
  });

  it('finds a construct inside nested script blocks and here-strings, with its line', () => {
    const [v] = checkForPowerShell4([{ name: 'nested', text: "$x = 1\n& {\n  foreach ($i in 1..2) { $s = @\"\n`e[0m\n\"@ }\n  $b = [System.Text.StringBuilder]::new()\n}" }]);
    expect(v.refusals.map((r) => [r.rule.id, r.line])).toEqual([
      ['static:[type]::new', 6],
      ['syntax:escape-e', 3],
    ]);
  });
});
