import type { CheckResult, ValidationReport } from '../../shared/prerequisites/report';
import { describeCounts, STATUS_LABELS, STATUS_ORDER } from '../../shared/prerequisites/report-text';

const WIDTH = 100;
const INDENT = ' '.repeat(17);

/** One line per finished check, as they finish (on a terminal). */
export function formatResultLine(r: CheckResult): string {
  return `${STATUS_LABELS[r.status].padEnd(15)}  ${r.title}`;
}

/** The report as a readable table: errors first, each with what was found and the fix. */
export function formatReportTable(report: ValidationReport): string {
  const lines = [`Prerequisite validation results: ${report.computer.description}, ${report.time}`, ''];
  lines.push(`${'STATUS'.padEnd(15)}  CHECK`);
  for (const status of STATUS_ORDER) {
    for (const r of report.results.filter((x) => x.status === status)) {
      lines.push(`${STATUS_LABELS[r.status].padEnd(15)}  ${r.title}`);
      lines.push(...wrap(r.details));
      if (r.fix) lines.push(...wrap(`Fix: ${r.fix}`));
    }
  }
  const s = report.summary;
  lines.push('', `${s.total} checks: ${describeCounts(s)}.`);
  lines.push(s.errors > 0 ? 'Prerequisites are not met: fix the errors above, then run cdx-setup validate again.' : 'Prerequisites are met.');
  return lines.join('\n');
}

function wrap(text: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && INDENT.length + line.length + 1 + word.length > WIDTH) {
      out.push(INDENT + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(INDENT + line);
  return out;
}
