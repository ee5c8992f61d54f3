import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../shared/prerequisites/report-html';
import { ValidationReport } from '../../shared/prerequisites/report';
import { createEngine } from '../../electron/engine/create-engine';
import { ALL_CHECKS } from '../../electron/engine/prerequisites/checks/index';
import { validatePrerequisites } from '../../electron/engine/prerequisites/validate';
import { afterConfigure, chosenSettings, rehearsalHost, scenarioFile } from './helpers';

describe('the report', () => {
  it('is one self-contained HTML file listing every check with its fix, escaping what it shows', async () => {
    const host = rehearsalHost(scenarioFile((s) => (s.computer.name = '<script>alert(1)</script>')));
    const report = await validatePrerequisites(afterConfigure(chosenSettings({ AppPoolUser: 'CONTOSO\\nobody' })), { host, toolVersion: '9.9.9' });
    const html = renderReportHtml(report);
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\/|@import|url\(/i);
    for (const check of ALL_CHECKS) expect(html).toContain(check.title.replace(/'/g, '&#39;'));
    expect(html).toContain('cannot be found');
    expect(html).toContain('cdx-setup 9.9.9');
    expect(html).toContain('entered (not shown)');
  });

  it('matches its versioned schema', async () => {
    const report = await validatePrerequisites(afterConfigure(), { host: rehearsalHost(), toolVersion: '1.0.0' });
    const parsed = ValidationReport.parse(JSON.parse(JSON.stringify(report)));
    expect(parsed).toMatchObject({ schema: 'cdx-setup/prerequisites-report', schemaVersion: 1, computer: { name: 'CDX-HQ01', hostKind: 'rehearsal', rehearsalScenario: 'default' } });
  });
});

describe('prerequisites.run through the engine', () => {
  it('streams a result event per check and a summary, and keeps a password out of everything', async () => {
    const engine = createEngine({ host: rehearsalHost(), toolVersion: 't' });
    const events: { event: string; payload: unknown }[] = [];
    engine.subscribe((event, payload) => events.push({ event, payload }));
    const canary = 'Canary-Pa55word!';
    const result = await engine.dispatch('prerequisites.run', {
      runId: 'run-1',
      stage: 'after-configure',
      components: ['async-server'],
      settings: chosenSettings(),
      configure: true,
      passwordProvided: true,
      password: canary,
    });
    expect(result.ok).toBe(true);
    const results = events.filter((e) => e.event === 'prerequisites.result');
    expect(results).toHaveLength(ALL_CHECKS.length);
    expect(results.at(-1)!.payload).toMatchObject({ runId: 'run-1', completed: ALL_CHECKS.length, total: ALL_CHECKS.length });
    expect(events.at(-1)).toMatchObject({ event: 'prerequisites.summary', payload: { runId: 'run-1' } });
    expect(JSON.stringify(result)).not.toContain(canary);
    expect(JSON.stringify(events)).not.toContain(canary);
  });

  it('refuses a request that breaks the contract, naming the field', async () => {
    const engine = createEngine({ host: rehearsalHost(), toolVersion: 't' });
    const result = await engine.dispatch('prerequisites.run', { runId: 'r', stage: 'later', components: ['async-server'], settings: chosenSettings(), configure: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request', field: 'stage' } });
  });
});

describe('the copy kept with the Setup support files', () => {
  it('is written on every run, in the support files folder of the computer', async () => {
    const { existsSync, readFileSync } = await import('node:fs');
    const host = rehearsalHost();
    const engine = createEngine({ host, toolVersion: 't' });
    const result = await engine.dispatch('prerequisites.run', { runId: 'r', stage: 'before-configure', components: ['async-server'], settings: chosenSettings(), configure: true });
    if (!result.ok) throw new Error(result.error.message);
    const { savedTo } = result.value as { savedTo: { html: string; json: string } };
    expect(savedTo.html.startsWith(host.sandboxRoot)).toBe(true);
    expect(savedTo.html).toMatch(/reports[\\/]prerequisites-.*\.html$/);
    expect(existsSync(savedTo.html)).toBe(true);
    expect(ValidationReport.parse(JSON.parse(readFileSync(savedTo.json, 'utf8'))).results).toHaveLength(ALL_CHECKS.length);
  });
});
