import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, optionalString, UsageError } from '../args';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { HOST_OPTIONS, hostFromArgs } from '../host-options';
import { makeSupportBundle, writeBundleFile } from '../../engine/diagnostics/bundle';
import { SupportFiles } from '../../engine/support-files/support-files';
import { TOOL_VERSION } from '../../engine/version';

export const diagnosticsCommand: Command = {
  name: 'diagnostics',
  summary: 'Write a support bundle (.zip): the latest prerequisite report, logs, journals, instances and settings, no password.',
  usage: 'cdx-setup diagnostics --out FILE.zip [--settings FILE]... [--rehearsal [SCENARIO]] [--sandbox DIR]',
  async run(argv, io) {
    const args = parseArgs(argv, { ...HOST_OPTIONS, out: 'string', settings: 'multiple' });
    if (args.positionals.length) throw new UsageError(`diagnostics takes no argument "${args.positionals[0]}".`);
    const outOption = optionalString(args.options.out);
    if (!outOption) throw new UsageError('--out FILE.zip is required: where to write the support bundle.');
    const out = path.resolve(io.cwd, outOption);
    if (!/\.zip$/i.test(out)) throw new UsageError(`--out ${outOption}: the support bundle is a .zip file; end the name with .zip.`);
    if (existsSync(out) && statSync(out).isDirectory()) throw new UsageError(`--out ${outOption} is a folder: name the .zip file to write.`);
    const settingsFiles = ((args.options.settings as string[] | undefined) ?? []).map((f) => path.resolve(io.cwd, f));
    for (const f of settingsFiles) if (!existsSync(f)) throw new UsageError(`--settings ${f} does not exist.`);

    const host = hostFromArgs(args);
    const support = new SupportFiles(host);
    const { zip, facts } = await makeSupportBundle({
      host,
      toolVersion: TOOL_VERSION,
      supportLocation: (await support.location()) ?? (await support.defaultLocation()),
      supportDir: await support.realDir(),
      settingsFiles,
      // Passwords this process was given for other commands: masked should they appear anywhere.
      secrets: [io.env.CDX_SETUP_PASSWORD, io.env.CDX_SETUP_SQL_PASSWORD].filter((s): s is string => Boolean(s)),
      now: new Date(),
    });
    writeBundleFile(out, zip);
    io.out(`Support bundle written: ${out} (${facts.files.length + 1} files, ${Math.ceil(zip.length / 1024)} KB). It holds no password; SUMMARY.txt at its top says what is inside.`);
    return EXIT.ok;
  },
};
