import { ComponentId } from '../../../shared/contract/schemas';
import { parseArgs, optionalString, UsageError, type ParsedArgs } from '../args';
import type { CliIo } from '../io';
import type { LoadedSettingsFile } from '../../engine/settings-files/load';
import { engineComponent } from '../../engine/components/registry';
import { InstallService } from '../../engine/install/install-service';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { HOST_OPTIONS, hostFromArgs } from '../host-options';
import { needsSqlPassword } from '../../../shared/settings/install-defaults';
import { cliChoices, givenAccountPassword, settingsFromFile, sqlLoginPassword } from '../install-input';
import { formatReportTable, formatResultLine } from '../validation-table';
import { keepReport, writeReportFiles } from '../../engine/prerequisites/report-files';
import { UnknownInstanceError } from '../../engine/prerequisites/modified-instance';
import { validatePrerequisites } from '../../engine/prerequisites/validate';
import { SupportFiles } from '../../engine/support-files/support-files';
import { TOOL_VERSION } from '../../engine/version';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check the prerequisites of Async Server on this computer; exit 3 when one is not met.',
  usage: 'cdx-setup validate [--rehearsal [SCENARIO]] [--sandbox DIR] [--settings FILE [--credential-file FILE] [--sql-credential-file FILE]] [--instance NAME] [--component async-server] [--json] [--report FILE]',
  async run(argv, io) {
    const args = parseArgs(argv, { ...HOST_OPTIONS, settings: 'string', 'credential-file': 'string', 'sql-credential-file': 'string', instance: 'string', component: 'multiple', json: 'boolean', report: 'string' });
    if (args.positionals.length) throw new UsageError(`validate takes no argument "${args.positionals[0]}".`);
    // Without --component: the component a request without one is (Async Server, the only one before there were two).
    const components = ((args.options.component as string[] | undefined) ?? [engineComponent(undefined).definition.id]).map((c) => {
      const parsed = ComponentId.safeParse(c);
      if (!parsed.success) throw new UsageError(`--component "${c}" is not a component; the components are: ${ComponentId.options.join(', ')}.`);
      return parsed.data;
    });
    const settingsFile = optionalString(args.options.settings);
    const loaded = settingsFile ? await settingsFromFile(io, settingsFile) : undefined;
    // A component whose registry entry has no checks for the frame's runner is validated by its own gate.
    const gated = [...components, ...(loaded ? [loaded.component] : [])].find((id) => !engineComponent(id).checks);
    if (gated) return validateThroughGate(io, args, loaded, gated);
    const titles = components.map((id) => engineComponent(id).definition.title).join(' and ');
    // The file's parameters, read as the judged component's checks read them (its defaults where it leaves one out).
    const settings = loaded?.settings ?? {};
    const choices = cliChoices(loaded?.choices ?? {}, false);
    // The SQL Server check signs in as the file's SQL login; without its password it could only guess.
    const sqlPassword = loaded && needsSqlPassword(choices.configure, choices.database) ? await sqlLoginPassword(io, choices.database.sqlLogin, optionalString(args.options['sql-credential-file'])) : undefined;
    // The app pool user's password, when given (--credential-file, CDX_SETUP_PASSWORD), is checked against its domain.
    const appPoolPassword = loaded ? await givenAccountPassword(io, optionalString(args.options['credential-file'])) : undefined;
    const host = hostFromArgs(args);
    const json = args.options.json === true;
    // Add or modify components: the ports the instance's own website holds are not in the way.
    const instance = optionalString(args.options.instance);
    if (!json) io.err(`Validating the prerequisites of ${titles} on ${host.description}…`);
    const report = await validatePrerequisites(
      // Without a settings file only the computer is judged: what depends on the choices waits for them.
      {
        stage: settingsFile ? 'after-configure' : 'before-configure',
        components,
        settings,
        configure: choices.configure,
        passwordProvided: false,
        ...(loaded ? { database: choices.database } : {}),
        ...(instance ? { instance } : {}),
      },
      {
        host,
        toolVersion: TOOL_VERSION,
        secrets: { sqlPassword, appPoolPassword },
        supportDir: instance ? await new SupportFiles(host).realDir() : undefined,
        onResult: io.interactive && !json ? (r) => io.err(formatResultLine(r)) : undefined,
      },
    ).catch((err: unknown) => {
      if (err instanceof UnknownInstanceError) throw new UsageError(`--instance: ${err.message}`);
      throw err;
    });
    io.out(json ? JSON.stringify(report, null, 2) : formatReportTable(report));
    // As the wizard does: support (and cdx-setup diagnostics) find the latest report with the Setup support files.
    try {
      await keepReport(report, await new SupportFiles(host).realDir());
    } catch (err) {
      io.err(`No copy of the report could be kept with the Setup support files: ${(err as Error).message}`);
    }
    const reportFile = optionalString(args.options.report);
    if (reportFile) {
      const written = await writeReportFiles(report, reportFile);
      io.err(`Report written: ${written.html} and ${written.json}`);
    }
    return report.summary.errors > 0 ? EXIT.prerequisitesNotMet : EXIT.ok;
  },
};

/**
 * The prerequisites of a component with its own gate (Async Client) for its settings file (or its part of a parameter
 * file), through the install service: the checks deploy's gate runs before its first change.
 */
async function validateThroughGate(io: CliIo, args: ParsedArgs, loaded: LoadedSettingsFile | undefined, component: ComponentId): Promise<number> {
  const { definition } = engineComponent(component);
  const part = loaded?.parts.find((p) => p.component === component);
  if (!loaded || !part) throw new UsageError(`${definition.title}'s prerequisites depend on its settings: give --settings with an ${definition.settingsFileName}.`);
  const choices = { ...cliChoices(loaded.choices, false), components: [component] };
  const sqlPassword = needsSqlPassword(choices.configure, choices.database) ? await sqlLoginPassword(io, choices.database.sqlLogin, optionalString(args.options['sql-credential-file'])) : undefined;
  // The account's password (--credential-file, CDX_SETUP_PASSWORD) is its Windows service's, which its gate signs in.
  const servicePassword = await givenAccountPassword(io, optionalString(args.options['credential-file']));
  const host = hostFromArgs(args);
  const service = new InstallService({ host, supportDir: await new SupportFiles(host).realDir(), toolVersion: TOOL_VERSION });
  if (args.options.json !== true) io.err(`Validating the prerequisites of ${definition.title} on ${host.description}…`);
  const report = await service.validate({ component, settings: part.settings, choices }, { sqlPassword, servicePassword });
  io.out(args.options.json === true ? JSON.stringify(report, null, 2) : formatReportTable(report));
  return report.summary.errors > 0 ? EXIT.prerequisitesNotMet : EXIT.ok;
}
