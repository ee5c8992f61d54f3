import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { optionalString, parseArgs, UsageError } from '../args';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { HOST_OPTIONS, hostFromArgs } from '../host-options';
import { asUsageError, installTargets, previewTargets } from '../install-targets';
import { InstallService } from '../../engine/install/install-service';
import { SupportFiles } from '../../engine/support-files/support-files';
import { TOOL_VERSION } from '../../engine/version';
import { componentDefinition } from '../../../shared/components/registry';

export const planCommand: Command = {
  name: 'plan',
  summary: 'Show what deploy would do, step by step, and what is already in place (changes nothing).',
  usage:
    'cdx-setup plan --settings FILE | --topology FILE [--component ID] [--files-only] [--streaming] [--rehearsal [SCENARIO]] [--sandbox DIR] [--json] [--export-script FILE.ps1]\n\n' +
    'An AX Setup parameter file that installs both components plans both, Async Server first; --component async-server or\n' +
    '--component async-client plans one.\n\n' +
    '--streaming: Async Client receives its data over the NetTcp port instead of WS-ReliableMessaging over HTTPS (for an\n' +
    'initial or large synchronization on a reliable network); the instance keeps the choice in its record.',
  async run(argv, io) {
    const args = parseArgs(argv, { ...HOST_OPTIONS, settings: 'string', topology: 'string', component: 'string', 'files-only': 'boolean', streaming: 'boolean', json: 'boolean', 'export-script': 'string' });
    if (args.positionals.length) throw new UsageError(`plan takes no argument "${args.positionals[0]}".`);
    const host = hostFromArgs(args);
    const targets = await installTargets(io, args, host);
    const exportFile = optionalString(args.options['export-script']);
    if (exportFile && targets.length > 1) throw new UsageError('--export-script writes the plan of one instance: give --settings FILE, once for each instance.');
    const service = new InstallService({ host, supportDir: await new SupportFiles(host).realDir(), toolVersion: TOOL_VERSION });
    const previews = await previewTargets(service, targets);
    if (exportFile) {
      const full = path.resolve(io.cwd, exportFile);
      const script = await service.exportScript(targets[0], `cdx-setup ${TOOL_VERSION} plan`).catch((err: unknown) => {
        throw asUsageError(err, targets[0]);
      });
      writeFileSync(full, script);
      io.err(`The plan was written as a PowerShell script to ${full} (it asks for the password with Get-Credential).`);
    }
    const plans = previews.map((preview, i) => ({ file: targets[i].file, preview }));
    if (args.options.json === true) {
      const json = plans.map(({ file, preview }, i) => ({ instance: preview.instance, component: targets[i].component, settingsFile: file, host: host.description, choices: preview.choices, notes: preview.notes, operations: preview.steps }));
      io.out(JSON.stringify(json.length === 1 && args.options.topology === undefined ? json[0] : { instances: json }, null, 2));
      return EXIT.ok;
    }
    for (const [i, { preview }] of plans.entries()) {
      const { steps } = preview;
      const title = componentDefinition(targets[i].component).title;
      io.out(`Plan for the ${title} instance ${preview.instance} on ${host.description}:`);
      if (!preview.choices.configure) io.out(`  Configure ${title} by using Setup is cleared: only the application files are placed.`);
      for (const note of preview.notes) io.out(`  Note: ${note}`);
      steps.forEach((s, i) => io.out(`  ${String(i + 1).padStart(2)}. ${s.done ? '[in place] ' : ''}${s.description}`));
      const todo = steps.filter((s) => !s.done).length;
      io.out(todo === 0 ? 'Nothing to change: this computer already is as these settings describe.' : `${todo} of ${steps.length} steps would change this computer.`);
    }
    return EXIT.ok;
  },
};
