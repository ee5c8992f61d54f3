import { SupportFiles } from '../electron/engine/support-files/support-files';
import { InstallService } from '../electron/engine/install/install-service';
import type { Host } from '../electron/engine/hosts/host';
import { PowerShellSession, type PowerShellCommand, type PowerShellRunner } from '../electron/engine/hosts/windows/powershell';
import { goodSettings } from '../tests/install/support';
import { fakeWindows, sqlcmdOnPath } from '../tests/support/fake-windows';
import { rehearsalHost } from '../tests/support/rehearsal';
import { REHEARSAL_ACCOUNT_PASSWORD } from '../tests/support/scenario-copy';
import { figure, median, type BenchModule } from './figure';

/**
 * The Windows path's deploy: the real WindowsHost running its scripts in pwsh against the fake Windows
 * (tests/windows-fake), gate included. How many PowerShell processes a deploy starts (aim: one, where a process per
 * script started one per read and write), its wall time against the same deploy on the rehearsal host, and against
 * the same deploy with a process per script.
 */
const ROUNDS = 3;
// The tests' installation: the scenario's accounts, certificate and SQL Server.
const SETTINGS = goodSettings();
const CHOICES = {
  configure: true,
  components: ['async-server' as const],
  database: { mode: 'create' as const, authentication: 'windows' as const, sqlLogin: '', trustServerCertificate: false, partition: 'initial' },
};

async function deploy(host: Host): Promise<number> {
  const supportDir = await new SupportFiles(host).realDir();
  const started = performance.now();
  const result = await new InstallService({ host, supportDir, toolVersion: 'bench' }).install({ settings: SETTINGS, choices: CHOICES }, { secrets: { appPoolPassword: REHEARSAL_ACCOUNT_PASSWORD } });
  const wall = performance.now() - started;
  if (result.outcome !== 'installed') throw new Error(`The bench deploy did not install: ${result.message}`);
  return wall;
}

/** The session the host uses, counting the scripts it runs. */
function counting(command: PowerShellCommand): PowerShellRunner & { session: PowerShellSession; scripts: number } {
  const session = new PowerShellSession(command);
  const counter = {
    session,
    scripts: 0,
    run<T>(script: string, data?: unknown, timeoutMs?: number) {
      counter.scripts += 1;
      return session.run<T>(script, data, timeoutMs);
    },
  };
  return counter;
}

/** What the Windows host did before one session per run: a new process for every script. */
function processPerScript(command: PowerShellCommand): PowerShellRunner & { starts: number } {
  const counter = {
    starts: 0,
    async run<T>(script: string, data?: unknown, timeoutMs?: number) {
      const once = new PowerShellSession(command);
      counter.starts += 1;
      try {
        return await once.run<T>(script, data, timeoutMs);
      } finally {
        await once.close();
      }
    },
  };
  return counter;
}

export default {
  title: 'The Windows path: one PowerShell session per deploy',
  async run() {
    const windows: number[] = [];
    const rehearsal: number[] = [];
    let starts = 0;
    let scripts = 0;
    for (let i = 0; i < ROUNDS; i++) {
      let runner!: ReturnType<typeof counting>;
      const w = fakeWindows({ env: sqlcmdOnPath(), runner: (command) => (runner = counting(command)) });
      try {
        windows.push(await deploy(w.host));
      } finally {
        await w.host.close();
      }
      starts = Math.max(starts, runner.session.starts);
      scripts = runner.scripts;
      rehearsal.push(await deploy(rehearsalHost()));
    }
    let perScript!: ReturnType<typeof processPerScript>;
    const old = fakeWindows({ env: sqlcmdOnPath(), runner: (command) => (perScript = processPerScript(command)) });
    const perScriptWall = await deploy(old.host);
    return [
      figure({
        name: `PowerShell processes started by one deploy (${scripts} scripts)`,
        value: starts,
        baseline: perScript.starts,
        unit: 'processes',
        baselineName: 'a process per script',
        aim: '1 process',
        best: 'lower',
        target: 1 / perScript.starts,
      }),
      figure({
        name: 'deploy on Windows in PowerShell vs the same deploy on the rehearsal host',
        value: median(windows),
        baseline: median(rehearsal),
        unit: 'ms',
        baselineName: 'rehearsal host',
        aim: 'reported (the fake is not a server)',
        best: 'lower',
        target: Number.POSITIVE_INFINITY,
      }),
      figure({
        name: 'deploy on Windows in PowerShell: one session vs a process per script',
        value: median(windows),
        baseline: perScriptWall,
        unit: 'ms',
        baselineName: 'a process per script',
        aim: '≤ 0.5',
        best: 'lower',
        target: 0.5,
      }),
    ];
  },
} satisfies BenchModule;
