import { COMPONENT_IDS } from '../../../../shared/components/ids';
import { computerFacts, error, passed, warning, WINDOWS_HOSTS, type PrerequisiteCheck } from '../check';

/** Checks of the computer alone that every component's installation needs (.NET, sqlcmd, no other setup, no reboot pending). */
const EVERY_COMPONENT = [...COMPONENT_IDS];

/** .NET Framework 4.5's Release value (HKLM\…\NDP\v4\Full); every later version has a greater one. */
export const DOTNET_45_RELEASE = 378389;

const DOTNET_NAMES: [number, string][] = [
  [528040, '4.8'],
  [461808, '4.7.2'],
  [461308, '4.7.1'],
  [460798, '4.7'],
  [394802, '4.6.2'],
  [394254, '4.6.1'],
  [393295, '4.6'],
  [379893, '4.5.2'],
  [378675, '4.5.1'],
  [378389, '4.5'],
];

export function dotNetVersionName(release: number): string {
  return DOTNET_NAMES.find(([min]) => release >= min)?.[1] ?? 'earlier than 4.5';
}

export const dotNetCheck: PrerequisiteCheck = {
  id: 'dotnet-framework',
  title: '.NET Framework 4.5 or later',
  skippable: true,
  components: EVERY_COMPONENT,
  hosts: WINDOWS_HOSTS,
  async run(ctx) {
    const { dotNetRelease } = await computerFacts(ctx);
    if (dotNetRelease === null || dotNetRelease < DOTNET_45_RELEASE) {
      return error('.NET Framework 4.5 or later is not installed.', 'Install .NET Framework 4.5 or later (on Windows Server 2012 and later: the .NET Framework 4.5 Features in Add Roles and Features), then run the validation again.');
    }
    return passed(`.NET Framework ${dotNetVersionName(dotNetRelease)} is installed (release ${dotNetRelease}).`);
  },
};

export const sqlcmdCheck: PrerequisiteCheck = {
  id: 'sqlcmd',
  title: 'SQLCMD utility present',
  skippable: true,
  components: EVERY_COMPONENT,
  hosts: WINDOWS_HOSTS,
  async run(ctx) {
    const { sqlcmd } = await computerFacts(ctx);
    return sqlcmd
      ? passed(`sqlcmd is installed: ${sqlcmd}.`)
      : error('The SQLCMD utility, which the installation requires, is not on this computer (sqlcmd.exe is not on the PATH).', 'Install SQL Server\'s client tools, or Microsoft Command Line Utilities 11 for SQL Server, then run the validation again.');
  },
};

export const executionPolicyCheck: PrerequisiteCheck = {
  id: 'execution-policy',
  title: 'PowerShell execution policy',
  skippable: true,
  components: EVERY_COMPONENT,
  hosts: WINDOWS_HOSTS,
  async run(ctx) {
    const { executionPolicy } = await computerFacts(ctx);
    if (/^(Restricted|AllSigned)$/i.test(executionPolicy)) {
      return warning(
        `The execution policy is ${executionPolicy}: the deployment scripts (the scripted path, DeployAsyncServer.ps1) will not run. Setup itself is not affected.`,
        'In an elevated PowerShell run: Set-ExecutionPolicy RemoteSigned (the guide\'s recommendation).',
      );
    }
    return passed(`The execution policy is ${executionPolicy}: the deployment scripts can run.`);
  },
};

export const setupRunningCheck: PrerequisiteCheck = {
  id: 'setup-running',
  title: 'No other setup running',
  skippable: true,
  components: EVERY_COMPONENT,
  hosts: WINDOWS_HOSTS,
  async run(ctx) {
    const { setupRunning } = await computerFacts(ctx);
    return setupRunning
      ? error('Another installation is running on this computer (Windows Installer is busy).', 'Wait for the other installation to finish, or close it, then run the validation again.')
      : passed('No other installation is running.');
  },
};

export const pendingRebootCheck: PrerequisiteCheck = {
  id: 'pending-reboot',
  title: 'No restart pending',
  skippable: true,
  components: EVERY_COMPONENT,
  hosts: WINDOWS_HOSTS,
  async run(ctx) {
    const { pendingReboot } = await computerFacts(ctx);
    return pendingReboot
      ? warning('Windows is waiting for a restart to finish an earlier update or installation; files it replaces at the restart can break the installation.', 'Restart the computer before installing, then run the validation again.')
      : passed('No restart is pending.');
  },
};
