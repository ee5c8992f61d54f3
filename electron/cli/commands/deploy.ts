import path from 'node:path';
import type { RunResult } from '../../../shared/contract/install-schemas';
import type { ValidationReport } from '../../../shared/prerequisites/report';
import type { ComponentSettings } from '../../../shared/components/component';
import type { ComponentId } from '../../../shared/components/ids';
import { componentDefinition } from '../../../shared/components/registry';
import { needsSqlPassword } from '../../../shared/settings/install-defaults';
import { optionalString, parseArgs, UsageError, type ParsedArgs } from '../args';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { HOST_OPTIONS, hostFromArgs } from '../host-options';
import { accountPassword, sqlLoginPassword } from '../install-input';
import { asUsageError, installTargets, previewTargets, type InstallTarget } from '../install-targets';
import type { CliIo } from '../io';
import { progressReporter } from '../progress';
import { formatReportTable } from '../validation-table';
import { checkSkipList, InstallService, SkipCheckError, skippableChecks, type PlanChoices, type PreparedInstall, type RunSecrets } from '../../engine/install/install-service';
import { SupportFiles } from '../../engine/support-files/support-files';
import { TOOL_VERSION } from '../../engine/version';

export const deployCommand: Command = {
  name: 'deploy',
  summary: 'Install and configure Async Server from a settings file; on failure everything is rolled back.',
  get usage() {
    return [
      'cdx-setup deploy --settings FILE | --topology FILE [--component ID] [--files-only] [--streaming] [--skip-check ID]... [--json] [--rehearsal [SCENARIO]] [--sandbox DIR] [--credential-file FILE] [--sql-credential-file FILE]',
      '       cdx-setup deploy --resume [--credential-file FILE] [--sql-credential-file FILE] [--json] | deploy --rollback [--json]',
      '',
      'Before the first change, deploy runs the full prerequisite validation for the settings (the checks of cdx-setup',
      'validate --settings, SQL Server included) and stops with exit 3, changing nothing, when one finds an error.',
      '--skip-check ID overrules one check an administrator knows better than Setup (repeat it for several); it is still',
      'run, and what it found is written in the log. The checks that can be skipped:',
      ...skippableChecks().map((c) => `  ${c.id.padEnd(18)} ${c.title}`),
      'The others cannot: without them the installation would fail for certain.',
      '',
      '--json prints one object: outcome, instance, changed, asyncServerUrl, logFile, and on a refusal failedChecks.',
      '',
      'An sc-settings.xml installs Async Client (its passwords: --credential-file or CDX_SETUP_PASSWORD for the service user,',
      '--connection-credential-file or CDX_SETUP_CONNECTION_PASSWORD for the Async Server connection). An AX Setup parameter',
      'file that installs both components installs both, Async Server first; --component ID installs one. --streaming makes',
      'Async Client use streaming over the NetTcp port instead of WS-ReliableMessaging; the instance keeps the choice.',
    ].join('\n');
  },
  async run(argv, io) {
    const args = parseArgs(argv, {
      ...HOST_OPTIONS,
      settings: 'string',
      topology: 'string',
      component: 'string',
      'files-only': 'boolean',
      streaming: 'boolean',
      'credential-file': 'string',
      'sql-credential-file': 'string',
      'connection-credential-file': 'string',
      'skip-check': 'multiple',
      json: 'boolean',
      resume: 'boolean',
      rollback: 'boolean',
    });
    if (args.positionals.length) throw new UsageError(`deploy takes no argument "${args.positionals[0]}".`);
    if (args.options.resume && args.options.rollback) throw new UsageError('Choose --resume or --rollback, not both.');
    const skipChecks = (args.options['skip-check'] as string[] | undefined) ?? [];
    try {
      checkSkipList(skipChecks);
    } catch (err) {
      if (err instanceof SkipCheckError) throw new UsageError(err.message);
      throw err;
    }
    const json = args.options.json === true;
    const host = hostFromArgs(args);
    const service = new InstallService({ host, supportDir: await new SupportFiles(host).realDir(), toolVersion: TOOL_VERSION });
    const controller = new AbortController();
    void io.untilStopped().then(() => {
      io.err('Stopping: what this run changed is being rolled back…');
      controller.abort();
    });
    const onProgress = progressReporter(io);
    const interrupted = service.interrupted();
    const passwords = new Map<string, string>();

    if (args.options.rollback || args.options.resume) {
      if (!interrupted) {
        io.err('No interrupted installation was found on this computer: there is nothing to resume or roll back.');
        return EXIT.badInput;
      }
      if (args.options.rollback) return finish(io, json, [await service.recover('rollback', { secrets: {}, onProgress })], true);
      const secrets = await secretsFor(io, args, interrupted.component, interrupted.settings, interrupted.choices, passwords);
      return finish(io, json, [await service.recover('resume', { secrets, onProgress, signal: controller.signal })]);
    }
    if (interrupted) {
      io.err(
        `An installation of ${interrupted.instance} (run ${interrupted.runId}, started ${interrupted.startedAt}) was interrupted before it finished.\n` +
          'Run cdx-setup deploy --rollback to undo what it changed, or cdx-setup deploy --resume to finish it.',
      );
      return EXIT.failed;
    }

    const targets = await installTargets(io, args, host);
    // Every password is asked for, every plan built and, for several instances, every gate passed before the first is installed.
    const secrets: RunSecrets[] = [];
    for (const target of targets) secrets.push(await secretsFor(io, args, target.component, target.settings, target.choices, passwords));
    await previewTargets(service, targets);
    if (targets.length > 1) {
      for (const [i, target] of targets.entries()) {
        const verdict = await service.check(await prepare(service, target, secrets[i]), secrets[i], skipChecks);
        if (verdict.failed.length) return refuseTopology(io, json, target, verdict.report, verdict.failed);
      }
    }
    if (host.rehearsal) io.err(`Rehearsal: ${host.description}. Nothing on this computer is changed outside ${host.rehearsal.sandboxRoot}.`);
    const results: RunResult[] = [];
    const installed: string[] = [];
    for (const [i, target] of targets.entries()) {
      // Planned again: an instance installed just before may share this one's website.
      const prepared = await prepare(service, target, secrets[i]).catch((err: unknown) => {
        if (installed.length) io.err(stoppedMessage(path.basename(target.file), installed, targets.slice(i + 1).map((t) => path.basename(t.file)), false));
        throw err;
      });
      if (targets.length > 1) io.err(`Instance ${i + 1} of ${targets.length}: ${prepared.instance} (${componentDefinition(target.component).title}, ${target.file})`);
      for (const note of prepared.plan.notes) io.err(`Note: ${note}`);
      let report: ValidationReport | undefined;
      const result = await service.runInstall(prepared, { secrets: secrets[i], skipChecks, signal: controller.signal, onProgress, onGate: (v) => (report = v.report) });
      results.push(result);
      if (result.outcome === 'refused' && report && !json) io.out(formatReportTable(report));
      if (exitCode(result) !== EXIT.ok) {
        if (targets.length > 1) io.err(stoppedMessage(prepared.instance, installed, targets.slice(i + 1).map((t) => path.basename(t.file))));
        break;
      }
      installed.push(prepared.instance);
    }
    return finish(io, json, results);
  },
};

function prepare(service: InstallService, target: InstallTarget, secrets: RunSecrets): Promise<PreparedInstall> {
  return service.prepareInstall(target, secrets).catch((err: unknown) => {
    throw asUsageError(err, target);
  });
}

/** The passwords one instance needs, each asked for once per user or login and reused by the next instances. */
async function secretsFor(io: CliIo, args: ParsedArgs, component: ComponentId | undefined, settings: ComponentSettings, choices: PlanChoices, known: Map<string, string>): Promise<RunSecrets> {
  const secrets: RunSecrets = {};
  const files = { credential: optionalString(args.options['credential-file']), connection: optionalString(args.options['connection-credential-file']) };
  for (const need of componentDefinition(component ?? 'async-server').passwords(settings, choices.configure)) {
    const key = `${need.secret}:${need.account.toLowerCase()}`;
    if (!known.has(key)) known.set(key, await accountPassword(io, need, files));
    secrets[need.secret] = known.get(key);
  }
  if (needsSqlPassword(choices.configure, choices.database)) {
    const key = `sql:${choices.database.sqlLogin.toLowerCase()}`;
    if (!known.has(key)) known.set(key, await sqlLoginPassword(io, choices.database.sqlLogin, optionalString(args.options['sql-credential-file'])));
    secrets.sqlPassword = known.get(key);
  }
  return secrets;
}

function stoppedMessage(failed: string, installed: string[], notStarted: string[], started = true): string {
  return [
    `Stopped at ${failed}: ${started ? 'its changes were rolled back' : 'it was not started'}.`,
    installed.length ? `Installed before it, and kept: ${installed.join(', ')} (uninstall with cdx-setup uninstall --instance NAME).` : '',
    notStarted.length ? `Not started: ${notStarted.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** A topology instance refused before any was installed: its table (or object), exit 3. */
function refuseTopology(io: CliIo, json: boolean, target: InstallTarget, report: ValidationReport, failed: RunResult['failedChecks'] & object): number {
  const message = `Prerequisites are not met for ${path.basename(target.file)}: nothing was installed.`;
  if (json) io.out(JSON.stringify({ outcome: 'refused', changed: false, message, settingsFile: target.file, failedChecks: failed }, null, 2));
  else {
    io.out(formatReportTable(report));
    io.out(message);
  }
  return EXIT.prerequisitesNotMet;
}

/** Installed or already in place is success; so is a rollback that was asked for (--rollback). */
function exitCode(result: RunResult, rollbackAsked = false): number {
  if (result.outcome === 'installed' || result.outcome === 'unchanged' || (rollbackAsked && result.outcome === 'rolled-back')) return EXIT.ok;
  if (result.outcome === 'refused') return EXIT.prerequisitesNotMet;
  if (result.outcome === 'not-found') return EXIT.badInput;
  return EXIT.failed;
}

/** What deployment tools read instead of parsing text. */
export function resultObject(result: RunResult) {
  return {
    outcome: result.outcome,
    instance: result.instance,
    changed: result.changed,
    asyncServerUrl: result.asyncServerUrl,
    logFile: result.logFile,
    message: result.message,
    runId: result.runId,
    ...(result.failure ? { failure: result.failure } : {}),
    ...(result.failedChecks ? { failedChecks: result.failedChecks } : {}),
    ...(result.skippedChecks?.length ? { skippedChecks: result.skippedChecks } : {}),
  };
}

/** The exit code of the last run; its text, or one JSON object (one per instance under `instances` for several). */
function finish(io: CliIo, json: boolean, results: RunResult[], rollbackAsked = false): number {
  const last = results[results.length - 1];
  const code = exitCode(last, rollbackAsked);
  if (io.interactive) process.stderr.write('\n');
  if (json) {
    const objects = results.map(resultObject);
    io.out(JSON.stringify(objects.length === 1 ? objects[0] : { outcome: last.outcome, changed: results.some((r) => r.changed), instances: objects }, null, 2));
    return code;
  }
  for (const result of results) {
    io.out(result.message);
    if (result.skippedChecks?.length) io.err(`Skipped on request: ${result.skippedChecks.join(', ')} (see the log).`);
    if (result.logFile) io.err(`Log: ${result.logFile}`);
  }
  // As the Finish page does: what Async Client needs comes last.
  const urls = results.filter((r) => (r.outcome === 'installed' || r.outcome === 'unchanged') && r.asyncServerUrl);
  for (const r of urls) io.out(`Async Server URL${urls.length > 1 ? ` (${r.instance})` : ''}: ${r.asyncServerUrl}`);
  return code;
}
