import type { ValidationReport } from '../../../shared/prerequisites/report';
import { MASK } from '../executor/run-log';

/** What the summary page says; the collector gathers it from the files it bundles. */
export interface BundleFacts {
  toolVersion: string;
  host: string;
  rehearsal: boolean;
  time: string;
  supportLocation: string;
  report: Pick<ValidationReport, 'time' | 'stage' | 'summary' | 'results'> | null;
  instances: { name: string; version: string; installedAt: string; database: string }[];
  runs: { runId: string; kind: string; instance: string; started: string; outcome: string; failed: string[]; settings: boolean }[];
  givenSettings: { file: string; name: string; problems: string[] }[];
  notes: string[];
  files: string[];
}

const MAX_RUNS = 8;
const MAX_FILES = 16;

/** The one page at the top of the bundle: what support reads first, to know where to look. */
export function summaryPage(f: BundleFacts): string {
  const lines = [
    'CDX Setup support bundle',
    '========================',
    `Made:           ${f.time}`,
    `CDX Setup:      ${f.toolVersion}`,
    `Computer:       ${f.host}${f.rehearsal ? ' (a rehearsal: nothing real was installed)' : ''}`,
    `Support files:  ${f.supportLocation}`,
    '',
    `Installed instances: ${f.instances.length || 'none'}`,
    ...f.instances.map((i) => `  ${i.name}  version ${i.version}, installed ${i.installedAt}, message database ${i.database}`),
    '',
  ];
  if (f.report) {
    const s = f.report.summary;
    lines.push(`Latest prerequisite validation: ${f.report.time} (${f.report.stage}): ${s.passed} passed, ${s.warnings} warnings, ${s.errors} errors, ${s.notApplicable} not applicable.`);
    for (const r of f.report.results.filter((x) => x.status === 'error' || x.status === 'warning')) lines.push(`  ${r.status === 'error' ? 'Error' : 'Warning'}: ${r.title}: ${firstLine(r.details)}`);
    lines.push('  prerequisites/latest-report.html (for people) and .json (for tools).');
  } else {
    lines.push('Latest prerequisite validation: none was kept with the Setup support files.');
  }
  lines.push('', `Runs: ${f.runs.length || 'none'}${f.runs.length > MAX_RUNS ? ` (the latest ${MAX_RUNS} below)` : ''}`);
  for (const r of f.runs.slice(-MAX_RUNS).reverse()) {
    lines.push(`  ${r.started}  ${r.kind} of ${r.instance}: ${r.outcome}  (log logs/cdx-setup-${r.runId}.log${r.settings ? `, settings settings/${r.runId}.ss-settings.xml` : ''})`);
    for (const failed of r.failed) lines.push(`    failed: ${firstLine(failed)}`);
  }
  if (f.givenSettings.length) {
    lines.push('', 'Settings files given:');
    for (const g of f.givenSettings) lines.push(`  ${g.file} -> ${g.name}${g.problems.length ? `: ${g.problems.length} problem(s), first: ${firstLine(g.problems[0])}` : ''}`);
  }
  if (f.notes.length) lines.push('', ...f.notes.map((n) => `Note: ${n}`));
  lines.push(
    '',
    `Secrets: none. Passwords are never written to a log, the journal, the registry, a report or a settings file; on the way into this bundle every value named as a password and every password this program knew was replaced with ${MASK}, and settings files were written again from the settings they hold.`,
    '',
    `Contents (${f.files.length} files besides this one):`,
    ...f.files.slice(0, MAX_FILES).map((name) => `  ${name}`),
    ...(f.files.length > MAX_FILES ? [`  … and ${f.files.length - MAX_FILES} more`] : []),
  );
  return `${lines.join('\r\n')}\r\n`;
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/)[0];
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}
