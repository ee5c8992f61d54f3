import { ALL_HOSTS, computerFacts, error, passed, warning, WINDOWS_HOSTS } from '../../../prerequisites/check';
import type { AsyncServerCheck } from './async-server-check';

const ASYNC_SERVER = ['async-server' as const];

/** Async Server's checks of the computer alone: Setup runs elevated, on a Windows Server that can host it. */
export const elevatedCheck: AsyncServerCheck = {
  id: 'elevated',
  title: 'Running as an administrator',
  components: ASYNC_SERVER,
  hosts: WINDOWS_HOSTS,
  async run(ctx) {
    const facts = await computerFacts(ctx);
    return facts.elevated
      ? passed('Setup runs with administrator rights.')
      : error('Setup does not run with administrator rights, so it cannot configure IIS, certificates or the firewall.', 'Close Setup and start it again with Run as administrator (or from an elevated PowerShell).');
  },
};

export const operatingSystemCheck: AsyncServerCheck = {
  id: 'os-version',
  title: 'Operating system supported',
  skippable: true,
  components: ASYNC_SERVER,
  hosts: ALL_HOSTS,
  async run(ctx) {
    if (ctx.host.kind === 'unsupported') {
      return error(
        `This computer runs ${ctx.host.description}. Async Server installs only on a Windows Server with IIS.`,
        'Run CDX Setup on the Windows Server that will host Async Server. To try it here without changing anything, rehearse on a simulated server: cdx-setup validate --rehearsal (or cdx-setup console --rehearsal).',
      );
    }
    const { os, powershellVersion } = await computerFacts(ctx);
    const [major, minor] = os.version.split('.').map(Number);
    const name = `${os.caption} (version ${os.version})`;
    const [psMajor] = powershellVersion.split('.').map(Number);
    if (!(major > 6 || (major === 6 && minor >= 1))) {
      return error(`${name} is older than Windows Server 2008 R2.`, 'Install Async Server on Windows Server 2012 R2 or later.');
    }
    // Setup's scripts need Windows PowerShell 4.0 (2012 R2 as shipped; 2008 R2 ships 2.0, 2012 ships 3.0).
    if (!(psMajor >= 4)) {
      return error(
        `${name} runs Windows PowerShell ${powershellVersion}; Setup's scripts need Windows PowerShell 4.0 or later (Windows Server 2012 R2 has it as shipped).`,
        'Install Windows Management Framework 5.1 (or 4.0) on this server, then run the validation again; or install on Windows Server 2012 R2 or later.',
      );
    }
    if (!os.server) {
      return warning(`${name} is a client edition of Windows; Async Server is meant for Windows Server.`, 'Use a Windows Server for production; a client edition is fine only for tests.');
    }
    return passed(`${name} with Windows PowerShell ${powershellVersion} is supported.`);
  },
};
