import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ValidationReport } from '../../../shared/prerequisites/report';
import { renderReportHtml } from '../../../shared/prerequisites/report-html';

/** The JSON beside the HTML: the JSON for tools and support, the HTML for people. */
export async function writeReportFiles(report: ValidationReport, file: string): Promise<{ json: string; html: string }> {
  const base = file.replace(/\.(json|html?)$/i, '');
  const json = `${base}.json`;
  const html = `${base}.html`;
  await mkdir(path.dirname(path.resolve(json)), { recursive: true });
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(html, renderReportHtml(report));
  return { json, html };
}

export const REPORTS_FOLDER = 'reports';

/** The copy every validation keeps with the Setup support files, for support (and the support bundle) to find. */
export function keepReport(report: ValidationReport, supportDir: string): Promise<{ json: string; html: string }> {
  const stamp = report.time.replace(/[:.]/g, '-');
  return writeReportFiles(report, path.join(supportDir, REPORTS_FOLDER, `prerequisites-${stamp}`));
}
