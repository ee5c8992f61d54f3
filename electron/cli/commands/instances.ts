import { parseArgs, UsageError } from '../args';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { HOST_OPTIONS, hostFromArgs } from '../host-options';
import { readInstances } from '../../engine/instances/registry';
import { InstallService } from '../../engine/install/install-service';
import { SupportFiles } from '../../engine/support-files/support-files';
import { TOOL_VERSION } from '../../engine/version';
import { componentDefinition } from '../../../shared/components/registry';
import { componentOption } from '../install-targets';

export const instancesCommand: Command = {
  name: 'instances',
  summary: 'List the Async Server and Async Client instances installed on this computer.',
  usage: 'cdx-setup instances [--component ID] [--rehearsal [SCENARIO]] [--sandbox DIR] [--json]',
  async run(argv, io) {
    const args = parseArgs(argv, { ...HOST_OPTIONS, json: 'boolean', component: 'string' });
    const wanted = componentOption(args.options.component);
    if (args.positionals.length) throw new UsageError(`instances takes no argument "${args.positionals[0]}".`);
    const host = hostFromArgs(args);
    const supportDir = await new SupportFiles(host).realDir();
    const instances = readInstances(supportDir)
      .map((i) => ({ ...i, component: i.component ?? 'async-server' }))
      .filter((i) => !wanted || i.component === wanted)
      .map((i) => ({
        name: i.name,
        component: i.component,
        version: i.version,
        installedAt: i.installedAt,
        ...(i.component === 'async-server'
          ? { website: i.settings.WebSiteName, httpsPort: i.settings.WebSiteHttpsPort, tcpPort: i.settings.WebSiteTcpPort, folder: i.settings.WebApplicationWorkingFolder }
          : { service: i.settings.ServiceName, folder: i.settings.ServiceInstallFolder, channelDatabase: `${i.settings.ChannelDatabaseServer}/${i.settings.ChannelDatabaseName}` }),
        configured: i.choices.configure,
        database: i.database,
        settings: i.settings,
      }));
    const interrupted = new InstallService({ host, supportDir, toolVersion: TOOL_VERSION }).interrupted();
    if (args.options.json === true) {
      io.out(JSON.stringify({ instances, interrupted: interrupted ? { runId: interrupted.runId, instance: interrupted.instance, startedAt: interrupted.startedAt } : null }, null, 2));
      return EXIT.ok;
    }
    if (instances.length === 0) io.out(`No ${wanted ? componentDefinition(wanted).title : 'Async Server or Async Client'} instance is installed on this computer.`);
    for (const i of instances) {
      const where = 'website' in i ? `website ${i.website} (HTTPS ${i.httpsPort}${i.tcpPort ? `, TCP ${i.tcpPort}` : ''})` : `service ${i.service}, channel database ${i.channelDatabase}`;
      io.out(`${i.name}  ${componentDefinition(i.component).title}  version ${i.version}  ${where}  database ${i.database.server}/${i.database.name}  installed ${i.installedAt}`);
    }
    if (interrupted) io.out(`An installation of ${interrupted.instance} was interrupted (run ${interrupted.runId}): run cdx-setup deploy --rollback or --resume.`);
    return EXIT.ok;
  },
};
