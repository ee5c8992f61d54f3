import { parseArgs, UsageError } from '../args';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { HOST_OPTIONS, hostFromArgs } from '../host-options';
import { readInstances } from '../../engine/instances/registry';
import { InstallService } from '../../engine/install/install-service';
import { SupportFiles } from '../../engine/support-files/support-files';
import { TOOL_VERSION } from '../../engine/version';

export const instancesCommand: Command = {
  name: 'instances',
  summary: 'List the Async Server instances installed on this computer.',
  usage: 'cdx-setup instances [--rehearsal [SCENARIO]] [--sandbox DIR] [--json]',
  async run(argv, io) {
    const args = parseArgs(argv, { ...HOST_OPTIONS, json: 'boolean' });
    if (args.positionals.length) throw new UsageError(`instances takes no argument "${args.positionals[0]}".`);
    const host = hostFromArgs(args);
    const supportDir = await new SupportFiles(host).realDir();
    const instances = readInstances(supportDir).map((i) => ({
      name: i.name,
      version: i.version,
      installedAt: i.installedAt,
      website: i.settings.WebSiteName,
      httpsPort: i.settings.WebSiteHttpsPort,
      tcpPort: i.settings.WebSiteTcpPort,
      folder: i.settings.WebApplicationWorkingFolder,
      configured: i.choices.configure,
      database: i.database,
      settings: i.settings,
    }));
    const interrupted = new InstallService({ host, supportDir, toolVersion: TOOL_VERSION }).interrupted();
    if (args.options.json === true) {
      io.out(JSON.stringify({ instances, interrupted: interrupted ? { runId: interrupted.runId, instance: interrupted.instance, startedAt: interrupted.startedAt } : null }, null, 2));
      return EXIT.ok;
    }
    if (instances.length === 0) io.out('No Async Server instance is installed on this computer.');
    for (const i of instances) {
      io.out(`${i.name}  version ${i.version}  website ${i.website} (HTTPS ${i.httpsPort}${i.tcpPort ? `, TCP ${i.tcpPort}` : ''})  database ${i.database.server}/${i.database.name}  installed ${i.installedAt}`);
    }
    if (interrupted) io.out(`An installation of ${interrupted.instance} was interrupted (run ${interrupted.runId}): run cdx-setup deploy --rollback or --resume.`);
    return EXIT.ok;
  },
};
