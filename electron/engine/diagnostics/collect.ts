import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { journalFiles, readJournal } from '../executor/journal';
import type { Host } from '../hosts/host';
import { readInstances, registryFile } from '../instances/registry';
import { REPORTS_FOLDER } from '../prerequisites/report-files';
import { loadSettingsFile } from '../settings-files/load';
import { writeSettingsXml, type SettingsFileContent } from '../settings-files/write';
import { redactSecrets } from './redact';
import { summaryPage, type BundleFacts } from './summary';
import type { ZipEntry } from './zip';

export interface DiagnosticsInput {
  host: Host;
  toolVersion: string;
  /** The Setup support files folder: its Windows path, and the folder this process reads. */
  supportLocation: string;
  supportDir: string;
  /** Settings or topology files named by the user, re-read and written again in the canonical shape. */
  settingsFiles: string[];
  /** Secrets this process knows, masked wherever they would appear. */
  secrets: string[];
  now: Date;
}

/** A log larger than this keeps its end, where a failure is. */
const MAX_LOG_BYTES = 8 * 1024 * 1024;

/**
 * What support asks for, as SQL Server Setup's log folder gathers it: the latest prerequisite report (HTML and JSON),
 * the verbose logs of the runs, their journals, the instance registry and the settings each run used, behind a
 * one-page summary. Every text passes redactSecrets on its way in.
 */
export async function collectDiagnostics(input: DiagnosticsInput): Promise<{ entries: ZipEntry[]; facts: BundleFacts }> {
  const entries: ZipEntry[] = [];
  const notes: string[] = [];
  const add = (name: string, text: string, time: Date) => entries.push({ name, data: Buffer.from(redactSecrets(text, input.secrets), 'utf8'), time });
  const dir = input.supportDir;

  const report = latestReport(path.join(dir, REPORTS_FOLDER));
  if (report) {
    add('prerequisites/latest-report.json', readFileSync(report.json, 'utf8'), statSync(report.json).mtime);
    if (existsSync(report.html)) add('prerequisites/latest-report.html', readFileSync(report.html, 'utf8'), statSync(report.html).mtime);
  }

  for (const file of filesIn(path.join(dir, 'logs'), '.log')) {
    const size = statSync(file).size;
    let text = readFileSync(file, 'utf8');
    if (size > MAX_LOG_BYTES) {
      text = `[The first ${size - MAX_LOG_BYTES} bytes of this log are left out of the bundle: it is larger than 8 MiB.]\n${text.slice(-MAX_LOG_BYTES)}`;
      notes.push(`${path.basename(file)} is larger than 8 MiB: the bundle has its last 8 MiB.`);
    }
    add(`logs/${path.basename(file)}`, text, statSync(file).mtime);
  }

  const runs: BundleFacts['runs'] = [];
  for (const file of journalFiles(dir)) {
    add(`journal/${path.basename(file)}`, readFileSync(file, 'utf8'), statSync(file).mtime);
    const journal = readJournal(file);
    const start = journal.find((e) => e.type === 'run.start');
    if (!start || start.type !== 'run.start') continue;
    const end = [...journal].reverse().find((e) => e.type === 'run.end' || e.type === 'run.recovered');
    const outcome = !end ? 'did not finish (interrupted)' : end.type === 'run.end' ? end.outcome : `recovered by ${end.action}`;
    const failed = journal.filter((e) => e.type === 'op.fail').map((e) => (e.type === 'op.fail' ? `${e.id}: ${e.error}` : ''));
    runs.push({ runId: start.runId, kind: start.kind, instance: start.instance, started: start.time, outcome, failed, settings: Boolean(start.settings) });
    // The settings an install run used, as a settings file support can open, validate and replay.
    if (start.settings) add(`settings/${start.runId}.ss-settings.xml`, writeSettingsXml({ values: parameterValues(start.settings) }), new Date(start.time));
  }

  const instances = readInstances(dir);
  if (existsSync(registryFile(dir))) add('instances.json', readFileSync(registryFile(dir), 'utf8'), statSync(registryFile(dir)).mtime);

  const given: BundleFacts['givenSettings'] = [];
  for (const file of input.settingsFiles) {
    const loaded = await loadSettingsFile(file);
    const name = `settings/given/${path.basename(file).replace(/[^A-Za-z0-9._-]/g, '_')}`;
    given.push({ file, name, problems: loaded.problems.map((p) => `${p.line ? `line ${p.line}: ` : ''}${p.key ? `${p.key} ` : ''}${p.message}`) });
    // Written again from what was read: whatever else the file held (a password someone typed in) stays behind.
    if (Object.keys(loaded.written).length > 0) {
      const values = Object.fromEntries(Object.entries(loaded.written).map(([k, v]) => [k, v?.value ?? '']));
      add(name, writeSettingsXml({ values: parameterValues(values), choices: loaded.choices }), input.now);
    }
  }

  const facts: BundleFacts = {
    toolVersion: input.toolVersion,
    host: input.host.description,
    rehearsal: input.host.rehearsal !== null,
    time: input.now.toISOString(),
    supportLocation: input.supportLocation,
    report: report ? (JSON.parse(readFileSync(report.json, 'utf8')) as BundleFacts['report']) : null,
    instances: instances.map((i) => ({ name: i.name, version: i.version, installedAt: i.installedAt, database: `${i.database.server} / ${i.database.name}` })),
    runs,
    givenSettings: given,
    notes,
    files: entries.map((e) => e.name),
  };
  const summary: ZipEntry = { name: 'SUMMARY.txt', data: Buffer.from(redactSecrets(summaryPage(facts), input.secrets), 'utf8'), time: input.now };
  return { entries: [summary, ...entries], facts };
}

/** The newest prerequisites-*.json of the reports folder (their names sort by time), with its HTML. */
function latestReport(dir: string): { json: string; html: string } | null {
  const json = filesIn(dir, '.json').filter((f) => path.basename(f).startsWith('prerequisites-')).pop();
  return json ? { json, html: json.replace(/\.json$/, '.html') } : null;
}

function filesIn(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(extension))
    .sort()
    .map((f) => path.join(dir, f));
}

/** The string values of a recorded settings object; the writer keeps the parameters it knows and drops the rest. */
function parameterValues(values: Record<string, unknown>): SettingsFileContent['values'] {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
