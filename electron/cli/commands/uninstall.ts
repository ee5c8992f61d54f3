import { optionalString, parseArgs, UsageError } from '../args';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { HOST_OPTIONS, hostFromArgs } from '../host-options';
import { progressReporter } from '../progress';
import { uninstallInstance } from '../../engine/instances/uninstall';
import { SupportFiles } from '../../engine/support-files/support-files';

export const uninstallCommand: Command = {
  name: 'uninstall',
  summary: 'Remove one Async Server instance and nothing else (what other instances share stays).',
  usage: 'cdx-setup uninstall --instance NAME [--rehearsal [SCENARIO]] [--sandbox DIR]',
  async run(argv, io) {
    const args = parseArgs(argv, { ...HOST_OPTIONS, instance: 'string' });
    if (args.positionals.length) throw new UsageError(`uninstall takes no argument "${args.positionals[0]}".`);
    const name = optionalString(args.options.instance);
    if (!name) throw new UsageError('--instance NAME is required (cdx-setup instances lists them).');
    const host = hostFromArgs(args);
    const supportDir = await new SupportFiles(host).realDir();
    const result = await uninstallInstance({ host, supportDir, name, onProgress: progressReporter(io) });
    if (result.outcome === 'not-found') {
      io.err(result.message);
      return EXIT.badInput;
    }
    io.out(result.message);
    io.err(`Log: ${result.logFile}`);
    return result.outcome === 'uninstalled' ? EXIT.ok : EXIT.failed;
  },
};
