import { optionalString, parseArgs, UsageError } from '../args';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { HOST_OPTIONS, hostFromArgs } from '../host-options';
import { appPoolPassword, cliChoices, needsPassword, settingsFromFile, topologyFile } from '../install-input';
import type { CliIo } from '../io';
import { progressReporter } from '../progress';
import { executePlan, type RunResult } from '../../engine/executor/executor';
import { findInterruptedRun, resumeInterrupted, rollBackInterrupted } from '../../engine/executor/recovery';
import { buildPlan, PlanError } from '../../engine/plan/build-plan';
import { SupportFiles } from '../../engine/support-files/support-files';

export const deployCommand: Command = {
  name: 'deploy',
  summary: 'Install and configure Async Server from a settings file; on failure everything is rolled back.',
  usage:
    'cdx-setup deploy --settings FILE [--topology FILE] [--files-only] [--rehearsal [SCENARIO]] [--sandbox DIR] [--credential-file FILE] | deploy --resume [--credential-file FILE] | deploy --rollback',
  async run(argv, io) {
    const args = parseArgs(argv, {
      ...HOST_OPTIONS,
      settings: 'string',
      topology: 'string',
      'files-only': 'boolean',
      'credential-file': 'string',
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

    if (args.options.rollback || args.options.resume) {
      if (!interrupted) {
        io.err('No interrupted installation was found on this computer: there is nothing to resume or roll back.');
        return EXIT.badInput;
      }
      if (args.options.rollback) return finish(io, await rollBackInterrupted({ host, supportDir, run: interrupted, onProgress }), true);
      const password = needsPassword(interrupted.settings, interrupted.choices)
        ? await appPoolPassword(io, interrupted.settings.AppPoolUser, optionalString(args.options['credential-file']))
        : undefined;
      return finish(io, await resumeInterrupted({ host, supportDir, run: interrupted, onProgress, secrets: { appPoolPassword: password }, signal: controller.signal }));
    }
    if (interrupted) {
      io.err(
        `An installation of ${interrupted.instance} (run ${interrupted.runId}, started ${interrupted.startedAt}) was interrupted before it finished.\n` +
          'Run cdx-setup deploy --rollback to undo what it changed, or cdx-setup deploy --resume to finish it.',
      );
      return EXIT.failed;
    }

    const settings = await settingsFromFile(io, optionalString(args.options.settings));
    topologyFile(io, optionalString(args.options.topology));
    const choices = cliChoices(args.options['files-only'] === true);
    const password = needsPassword(settings, choices) ? await appPoolPassword(io, settings.AppPoolUser, optionalString(args.options['credential-file'])) : undefined;
    let plan;
    try {
      plan = await buildPlan(host, supportDir, { settings, choices, passwordProvided: password !== undefined });
    } catch (err) {
      if (err instanceof PlanError) throw new UsageError(err.message);
      throw err;
    }
    if (choices.configure && host.kind !== 'unsupported') {
      const thumbprint = plan.expanded.WebSiteSSLCertificateThumbprint;
      const store = `${plan.expanded.WebSiteSSLCertificateRootStore}\\${plan.expanded.WebSiteSSLCertificateStore}`;
      const certificate = (await host.listCertificates(plan.expanded.WebSiteSSLCertificateRootStore, plan.expanded.WebSiteSSLCertificateStore)).find((c) => c.thumbprint === thumbprint);
      if (!certificate || !certificate.hasPrivateKey) {
        io.err(`Prerequisite not met: the certificate ${thumbprint} is ${certificate ? 'in' : 'not in'} ${store}${certificate ? ' but has no private key' : ''}. Nothing was changed.`);
        return EXIT.prerequisitesNotMet;
      }
    }
    if (host.rehearsal) io.err(`Rehearsal: ${host.description}. Nothing on this computer is changed outside ${host.rehearsal.sandboxRoot}.`);
    for (const note of plan.notes) io.err(`Note: ${note}`);
    return finish(io, await executePlan({ host, plan, secrets: { appPoolPassword: password }, signal: controller.signal, onProgress }));
  },
};

/** Installed or already in place is success; so is a rollback that was asked for (--rollback). */
function finish(io: CliIo, result: RunResult, rollbackAsked = false): number {
  if (io.interactive) process.stderr.write('\n');
  io.out(result.message);
  io.err(`Log: ${result.logFile}`);
  const success = result.outcome === 'installed' || result.outcome === 'unchanged' || (rollbackAsked && result.outcome === 'rolled-back');
  if (result.outcome === 'refused') return EXIT.prerequisitesNotMet;
  return success ? EXIT.ok : EXIT.failed;
}
