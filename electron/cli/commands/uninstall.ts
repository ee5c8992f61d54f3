import { needsSqlPassword } from '../../../shared/settings/install-defaults';
import { optionalString, parseArgs, UsageError } from '../args';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { HOST_OPTIONS, hostFromArgs } from '../host-options';
import { sqlLoginPassword } from '../install-input';
import { progressReporter } from '../progress';
import { resultObject } from './deploy';
import { InstallService } from '../../engine/install/install-service';
import { SupportFiles } from '../../engine/support-files/support-files';
import { TOOL_VERSION } from '../../engine/version';
import { componentDefinition } from '../../../shared/components/registry';
import { componentOption } from '../install-targets';

export const uninstallCommand: Command = {
  name: 'uninstall',
  summary: 'Remove one Async Server or Async Client instance and nothing else (what other instances share stays).',
  usage:
    'cdx-setup uninstall --instance NAME [--component ID] [--json] [--sql-credential-file FILE] [--rehearsal [SCENARIO]] [--sandbox DIR]\n\n' +
    'The instance is removed from what its record in the Setup support files holds: the installation media and the\n' +
    'settings file are not needed. --json prints one object: outcome, instance, changed, asyncServerUrl, logFile.',
  async run(argv, io) {
    const args = parseArgs(argv, { ...HOST_OPTIONS, instance: 'string', component: 'string', json: 'boolean', 'sql-credential-file': 'string' });
    const wanted = componentOption(args.options.component);
    if (args.positionals.length) throw new UsageError(`uninstall takes no argument "${args.positionals[0]}".`);
    const name = optionalString(args.options.instance);
    if (!name) throw new UsageError('--instance NAME is required (cdx-setup instances lists them).');
    const host = hostFromArgs(args);
    const service = new InstallService({ host, supportDir: await new SupportFiles(host).realDir(), toolVersion: TOOL_VERSION });
    // Dropping its logins signs in to SQL Server as the instance was installed: with SQL authentication, the login's password.
    const record = service.instance(name);
    const component = record?.component ?? 'async-server';
    if (record && wanted && wanted !== component) {
      throw new UsageError(`${record.name} is an instance of ${componentDefinition(component).title}, not of ${componentDefinition(wanted).title}: nothing was changed.`);
    }
    if (record && !args.options.json) io.err(`Uninstalling the ${componentDefinition(component).title} instance ${record.name}…`);
    const sqlPassword =
      record && needsSqlPassword(record.choices.configure, record.choices.database)
        ? await sqlLoginPassword(io, record.choices.database.sqlLogin, optionalString(args.options['sql-credential-file']))
        : undefined;
    const result = await service.uninstall(name, { secrets: { sqlPassword }, onProgress: progressReporter(io) });
    if (io.interactive) process.stderr.write('\n');
    if (args.options.json === true) io.out(JSON.stringify(resultObject(result), null, 2));
    else if (result.outcome === 'not-found') io.err(result.message);
    else {
      io.out(result.message);
      io.err(`Log: ${result.logFile}`);
    }
    if (result.outcome === 'uninstalled') return EXIT.ok;
    return result.outcome === 'not-found' ? EXIT.badInput : EXIT.failed;
  },
};
