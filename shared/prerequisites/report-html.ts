import type { ValidationReport } from './report';
import { describeCounts, STATUS_LABELS, STATUS_ORDER } from './report-text';

/**
 * The report as one self-contained HTML file: inline styles, no scripts, no external resource, so it opens from an
 * e-mail attachment on any computer and reads the same for someone who was not there.
 */
export function renderReportHtml(report: ValidationReport): string {
  const { summary } = report;
  const groups = STATUS_ORDER.map((status) => ({ status, results: report.results.filter((r) => r.status === status) })).filter((g) => g.results.length > 0);
  const verdict =
    summary.outcome === 'error'
      ? `${summary.errors} prerequisite${summary.errors === 1 ? ' is' : 's are'} not met: Async Server cannot be installed until ${summary.errors === 1 ? 'it is' : 'they are'} fixed.`
      : summary.outcome === 'warning'
        ? `No errors; ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'} to review.`
        : 'Every prerequisite is met.';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CDX Setup prerequisite validation — ${esc(report.computer.name)}</title>
<style>
body { font-family: 'Segoe UI', system-ui, sans-serif; margin: 24px; color: #201f1e; max-width: 1000px; }
h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; }
table { border-collapse: collapse; width: 100%; margin-top: 8px; }
th, td { border: 1px solid #c8c6c4; padding: 6px 8px; text-align: left; vertical-align: top; font-size: 14px; }
th { background: #f3f2f1; }
.verdict { padding: 10px 12px; border-radius: 4px; font-weight: 600; }
.error { background: #fde7e9; } .warning { background: #fff4ce; } .passed { background: #dff6dd; } .not-applicable { background: #f3f2f1; }
.mono { font-family: Consolas, monospace; }
</style>
</head>
<body>
<h1>Prerequisite validation results</h1>
<p class="verdict ${summary.outcome}">${esc(verdict)}</p>
<table aria-label="About this run">
<tr><th scope="row">Computer</th><td>${esc(report.computer.name)} — ${esc(report.computer.description)}</td></tr>
<tr><th scope="row">Time</th><td>${esc(report.time)}</td></tr>
<tr><th scope="row">Tool</th><td>${esc(report.tool.name)} ${esc(report.tool.version)}</td></tr>
<tr><th scope="row">Validation</th><td>${report.stage === 'before-configure' ? 'Before configuring (the computer alone)' : 'After configuring (with the ports, certificate, database and accounts chosen)'}</td></tr>
<tr><th scope="row">Components</th><td>${esc(report.components.map((c) => (c === 'async-server' ? 'Async Server' : c)).join(', '))}</td></tr>
<tr><th scope="row">Summary</th><td>${summary.total} checks: ${describeCounts(summary)} (${Math.round(summary.durationMs)} ms)</td></tr>
</table>
${groups
  .map(
    (g) => `<h2>${esc(STATUS_LABELS[g.status])} (${g.results.length})</h2>
<table aria-label="${esc(STATUS_LABELS[g.status])}">
<tr><th>Check</th><th>Status</th><th>Details</th><th>How to fix</th></tr>
${g.results.map((r) => `<tr class="${r.status}"><td><strong>${esc(r.title)}</strong><br><span class="mono">${esc(r.id)}</span></td><td>${esc(STATUS_LABELS[r.status])}</td><td>${esc(r.details)}</td><td>${esc(r.fix) || '—'}</td></tr>`).join('\n')}
</table>`,
  )
  .join('\n')}
<h2>Settings used</h2>
<table aria-label="Settings used">
<tr><th>Parameter</th><th>Value</th></tr>
${Object.entries(report.settings).map(([n, v]) => `<tr><td class="mono">${n}</td><td>${esc(v) || '—'}</td></tr>`).join('\n')}
<tr><td class="mono">AppPoolPassword</td><td>${esc(report.secrets.AppPoolPassword)}</td></tr>
<tr><td>Configure Async Server by using Setup</td><td>${report.configure ? 'Yes' : 'No: application files only'}</td></tr>
</table>
</body>
</html>
`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
