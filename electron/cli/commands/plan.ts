import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { optionalString, parseArgs, UsageError } from '../args';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { HOST_OPTIONS, hostFromArgs } from '../host-options';
import { cliChoices, settingsFromFile, topologyFile } from '../install-input';
import { buildPlan, PlanError } from '../../engine/plan/build-plan';
import { exportPlanScript } from '../../engine/plan/export-script';
import { SupportFiles } from '../../engine/support-files/support-files';
import { TOOL_VERSION } from '../../engine/version';

export const planCommand: Command = {
  name: 'plan',
  summary: 'Show what deploy would do, step by step, and what is already in place (changes nothing).',
  usage: 'cdx-setup plan --settings FILE [--topology FILE] [--files-only] [--rehearsal [SCENARIO]] [--sandbox DIR] [--json] [--export-script FILE.ps1]',
  async run(argv, io) {
    const args = parseArgs(argv, { ...HOST_OPTIONS, settings: 'string', topology: 'string', 'files-only': 'boolean', json: 'boolean', 'export-script': 'string' });
    if (args.positionals.length) throw new UsageError(`plan takes no argument "${args.positionals[0]}".`);
    const settings = await settingsFromFile(io, optionalString(args.options.settings));
    topologyFile(io, optionalString(args.options.topology));
    const host = hostFromArgs(args);
    const supportDir = await new SupportFiles(host).realDir();
    let plan;
    try {
      plan = await buildPlan(host, supportDir, { settings, choices: cliChoices(args.options['files-only'] === true), passwordProvided: true });
    } catch (err) {
      if (err instanceof PlanError) throw new UsageError(err.message);
      throw err;
    }
    const ctx = { host, secrets: {}, signal: new AbortController().signal, log: () => {} };
    const steps = [];
    // A step whose state cannot be read here (a computer that is not Windows) is shown as still to do.
    for (const op of plan.operations) steps.push({ id: op.id, kind: op.kind, description: op.description, details: op.details, done: await op.isDone(ctx).catch(() => false) });
    const exportFile = optionalString(args.options['export-script']);
    if (exportFile) {
      const full = path.resolve(io.cwd, exportFile);
      writeFileSync(full, exportPlanScript(plan, `cdx-setup ${TOOL_VERSION} plan`));
      io.err(`The plan was written as a PowerShell script to ${full} (it asks for the password with Get-Credential).`);
    }
    if (args.options.json === true) {
      io.out(JSON.stringify({ instance: plan.instanceName, host: host.description, notes: plan.notes, operations: steps }, null, 2));
      return EXIT.ok;
    }
    io.out(`Plan for the instance ${plan.instanceName} on ${host.description}:`);
    for (const note of plan.notes) io.out(`  Note: ${note}`);
    steps.forEach((s, i) => io.out(`  ${String(i + 1).padStart(2)}. ${s.done ? '[in place] ' : ''}${s.description}`));
    const todo = steps.filter((s) => !s.done).length;
    io.out(todo === 0 ? 'Nothing to change: this computer already is as these settings describe.' : `${todo} of ${steps.length} steps would change this computer.`);
    return EXIT.ok;
  },
};
