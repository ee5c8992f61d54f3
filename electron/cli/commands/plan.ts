import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { optionalString, parseArgs, UsageError } from '../args';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { HOST_OPTIONS, hostFromArgs } from '../host-options';
import { installTargets, plansFor } from '../install-targets';
import type { Host } from '../../engine/hosts/host';
import type { Plan } from '../../engine/plan/build-plan';
import { exportPlanScript } from '../../engine/plan/export-script';
import { SupportFiles } from '../../engine/support-files/support-files';
import { TOOL_VERSION } from '../../engine/version';

export const planCommand: Command = {
  name: 'plan',
  summary: 'Show what deploy would do, step by step, and what is already in place (changes nothing).',
  usage: 'cdx-setup plan --settings FILE | --topology FILE [--files-only] [--rehearsal [SCENARIO]] [--sandbox DIR] [--json] [--export-script FILE.ps1]',
  async run(argv, io) {
    const args = parseArgs(argv, { ...HOST_OPTIONS, settings: 'string', topology: 'string', 'files-only': 'boolean', json: 'boolean', 'export-script': 'string' });
    if (args.positionals.length) throw new UsageError(`plan takes no argument "${args.positionals[0]}".`);
    const host = hostFromArgs(args);
    const targets = await installTargets(io, args, host);
    const exportFile = optionalString(args.options['export-script']);
    if (exportFile && targets.length > 1) throw new UsageError('--export-script writes the plan of one instance: give --settings FILE, once for each instance.');
    const supportDir = await new SupportFiles(host).realDir();
    const plans = [];
    for (const [i, plan] of (await plansFor(host, supportDir, targets, () => true)).entries()) {
      const target = targets[i];
      if (exportFile) {
        const full = path.resolve(io.cwd, exportFile);
        writeFileSync(full, exportPlanScript(plan, `cdx-setup ${TOOL_VERSION} plan`));
        io.err(`The plan was written as a PowerShell script to ${full} (it asks for the password with Get-Credential).`);
      }
      plans.push({ file: target.file, plan, steps: await stepsOf(host, plan) });
    }
    if (args.options.json === true) {
      const json = plans.map(({ file, plan, steps }) => ({ instance: plan.instanceName, settingsFile: file, host: host.description, choices: plan.choices, notes: plan.notes, operations: steps }));
      io.out(JSON.stringify(args.options.topology === undefined ? json[0] : { instances: json }, null, 2));
      return EXIT.ok;
    }
    for (const { plan, steps } of plans) {
      io.out(`Plan for the instance ${plan.instanceName} on ${host.description}:`);
      if (!plan.choices.configure) io.out('  Configure Async Server by using Setup is cleared: only the application files are placed.');
      for (const note of plan.notes) io.out(`  Note: ${note}`);
      steps.forEach((s, i) => io.out(`  ${String(i + 1).padStart(2)}. ${s.done ? '[in place] ' : ''}${s.description}`));
      const todo = steps.filter((s) => !s.done).length;
      io.out(todo === 0 ? 'Nothing to change: this computer already is as these settings describe.' : `${todo} of ${steps.length} steps would change this computer.`);
    }
    return EXIT.ok;
  },
};

async function stepsOf(host: Host, plan: Plan) {
  const ctx = { host, secrets: {}, signal: new AbortController().signal, log: () => {} };
  const steps = [];
  // A step whose state cannot be read here (a computer that is not Windows) is shown as still to do.
  for (const op of plan.operations) steps.push({ id: op.id, kind: op.kind, description: op.description, details: op.details, done: await op.isDone(ctx).catch(() => false) });
  return steps;
}
