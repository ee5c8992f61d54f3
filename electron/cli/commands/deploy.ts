import path from 'node:path';
import type { Settings } from '../../../shared/settings/parameters';
import { optionalString, parseArgs, UsageError, type ParsedArgs } from '../args';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { HOST_OPTIONS, hostFromArgs } from '../host-options';
import { appPoolPassword, needsPassword, needsSqlPassword, sqlLoginPassword } from '../install-input';
import { installTargets, planFor, plansFor, type InstallTarget } from '../install-targets';
import type { CliIo } from '../io';
import { progressReporter } from '../progress';
import { executePlan, type RunResult } from '../../engine/executor/executor';
import { findInterruptedRun, resumeInterrupted, rollBackInterrupted } from '../../engine/executor/recovery';
import type { Host } from '../../engine/hosts/host';
import type { Plan, PlanChoices } from '../../engine/plan/build-plan';
import type { RunSecrets } from '../../engine/plan/operation';
import { SupportFiles } from '../../engine/support-files/support-files';

export const deployCommand: Command = {
  name: 'deploy',
  summary: 'Install and configure Async Server from a settings file; on failure everything is rolled back.',
  usage:
    'cdx-setup deploy --settings FILE | --topology FILE [--files-only] [--rehearsal [SCENARIO]] [--sandbox DIR] [--credential-file FILE] [--sql-credential-file FILE] | deploy --resume [--credential-file FILE] [--sql-credential-file FILE] | deploy --rollback',
  async run(argv, io) {
    const args = parseArgs(argv, {
      ...HOST_OPTIONS,
      settings: 'string',
      topology: 'string',
      'files-only': 'boolean',
      'credential-file': 'string',
      'sql-credential-file': 'string',
      resume: 'boolean',
      rollback: 'boolean',
    });
    if (args.positionals.length) throw new UsageError(`deploy takes no argument "${args.positionals[0]}".`);
    if (args.options.resume && args.options.rollback) throw new UsageError('Choose --resume or --rollback, not both.');
    const host = hostFromArgs(args);
    const supportDir = await new SupportFiles(host).realDir();
    const controller = new AbortController();
    void io.untilStopped().then(() => {
      io.err('Stopping: what this run changed is being rolled back…');
      controller.abort();
    });
    const onProgress = progressReporter(io);
    const interrupted = findInterruptedRun(supportDir);
    const passwords = new Map<string, string>();

    if (args.options.rollback || args.options.resume) {
      if (!interrupted) {
        io.err('No interrupted installation was found on this computer: there is nothing to resume or roll back.');
        return EXIT.badInput;
      }
      if (args.options.rollback) return finish(io, await rollBackInterrupted({ host, supportDir, run: interrupted, onProgress }), true);
      const secrets = await secretsFor(io, args, interrupted.settings, interrupted.choices, passwords);
      return finish(io, await resumeInterrupted({ host, supportDir, run: interrupted, onProgress, secrets, signal: controller.signal }));
    }
    if (interrupted) {
      io.err(
        `An installation of ${interrupted.instance} (run ${interrupted.runId}, started ${interrupted.startedAt}) was interrupted before it finished.\n` +
          'Run cdx-setup deploy --rollback to undo what it changed, or cdx-setup deploy --resume to finish it.',
      );
      return EXIT.failed;
    }

    const targets = await installTargets(io, args, host);
    // Every password is asked for, and every plan and certificate checked, before the first instance is installed.
    const prepared: { target: InstallTarget; secrets: RunSecrets }[] = [];
    for (const target of targets) prepared.push({ target, secrets: await secretsFor(io, args, target.settings, target.choices, passwords) });
    const plans = await plansFor(host, supportDir, targets, (t) => prepared.find((p) => p.target === t)!.secrets.appPoolPassword !== undefined);
    for (const [i, plan] of plans.entries()) {
      const missing = await certificateProblem(host, plan);
      if (missing) {
        io.err(`Prerequisite not met${targets.length > 1 ? ` for ${plan.instanceName} (${path.basename(targets[i].file)})` : ''}: ${missing} Nothing was changed.`);
        return EXIT.prerequisitesNotMet;
      }
    }
    if (host.rehearsal) io.err(`Rehearsal: ${host.description}. Nothing on this computer is changed outside ${host.rehearsal.sandboxRoot}.`);
    const installed: string[] = [];
    for (const [i, { target, secrets }] of prepared.entries()) {
      // Built again: an instance installed just before may share this one's website.
      const plan = await planFor(host, supportDir, target, secrets.appPoolPassword !== undefined).catch((err: unknown) => {
        if (installed.length) io.err(stoppedMessage(path.basename(target.file), installed, prepared.slice(i + 1).map((p) => path.basename(p.target.file)), false));
        throw err;
      });
      if (prepared.length > 1) io.err(`Instance ${i + 1} of ${prepared.length}: ${plan.instanceName} (${target.file})`);
      for (const note of plan.notes) io.err(`Note: ${note}`);
      const result = await executePlan({ host, plan, secrets, signal: controller.signal, onProgress });
      const code = finish(io, result);
      if (code !== EXIT.ok) {
        if (prepared.length > 1) io.err(stoppedMessage(plan.instanceName, installed, prepared.slice(i + 1).map((p) => path.basename(p.target.file))));
        return code;
      }
      installed.push(plan.instanceName);
    }
    return EXIT.ok;
  },
};

/** The passwords one instance needs, each asked for once per user or login and reused by the next instances. */
async function secretsFor(io: CliIo, args: ParsedArgs, settings: Settings, choices: PlanChoices, known: Map<string, string>): Promise<RunSecrets> {
  const secrets: RunSecrets = {};
  if (needsPassword(settings, choices)) {
    const key = `pool:${settings.AppPoolUser.toLowerCase()}`;
    if (!known.has(key)) known.set(key, await appPoolPassword(io, settings.AppPoolUser, optionalString(args.options['credential-file'])));
    secrets.appPoolPassword = known.get(key);
  }
  if (needsSqlPassword(choices)) {
    const key = `sql:${choices.database.sqlLogin.toLowerCase()}`;
    if (!known.has(key)) known.set(key, await sqlLoginPassword(io, choices.database.sqlLogin, optionalString(args.options['sql-credential-file'])));
    secrets.sqlPassword = known.get(key);
  }
  return secrets;
}

/** Why the SSL certificate cannot be bound, or null; only checked when Setup configures IIS. */
async function certificateProblem(host: Host, plan: Plan): Promise<string | null> {
  if (!plan.choices.configure || host.kind === 'unsupported') return null;
  const { WebSiteSSLCertificateThumbprint: thumbprint, WebSiteSSLCertificateRootStore: root, WebSiteSSLCertificateStore: name } = plan.expanded;
  const certificate = (await host.listCertificates(root, name)).find((c) => c.thumbprint === thumbprint);
  if (certificate?.hasPrivateKey) return null;
  return `the certificate ${thumbprint} is ${certificate ? 'in' : 'not in'} ${root}\\${name}${certificate ? ' but has no private key' : ''}.`;
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

/** Installed or already in place is success; so is a rollback that was asked for (--rollback). */
function finish(io: CliIo, result: RunResult, rollbackAsked = false): number {
  if (io.interactive) process.stderr.write('\n');
  io.out(result.message);
  io.err(`Log: ${result.logFile}`);
  const success = result.outcome === 'installed' || result.outcome === 'unchanged' || (rollbackAsked && result.outcome === 'rolled-back');
  if (result.outcome === 'refused') return EXIT.prerequisitesNotMet;
  return success ? EXIT.ok : EXIT.failed;
}
