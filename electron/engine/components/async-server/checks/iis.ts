import { IIS_ROLE_SERVICES, type IisRoleService } from '../../../hosts/facts';
import { error, passed, WINDOWS_HOSTS } from '../../../prerequisites/check';
import { filesOnly, type AsyncServerCheck } from './async-server-check';

/** The role services Async Server needs; non-HTTP (TCP) activation only when a TCP port is set. */
export function requiredRoleServices(tcpPort: string): IisRoleService[] {
  const always: IisRoleService[] = ['Web-Server', 'Web-Asp-Net45', 'NET-WCF-HTTP-Activation45', 'Web-Scripting-Tools'];
  return tcpPort.trim() === '' ? always : [...always.slice(0, 3), 'NET-WCF-TCP-Activation45', always[3]];
}

export const iisRoleServicesCheck: AsyncServerCheck = {
  id: 'iis-role-services',
  title: 'IIS role services',
  components: ['async-server'],
  hosts: WINDOWS_HOSTS,
  async run(ctx) {
    const skip = filesOnly(ctx);
    if (skip) return skip;
    const installed = new Set((await ctx.host.facts.iisRoleServices()) ?? []);
    const required = requiredRoleServices(ctx.expanded.WebSiteTcpPort);
    const missing = required.filter((r) => !installed.has(r));
    const describe = (names: IisRoleService[]) => names.map((n) => `${IIS_ROLE_SERVICES[n]} (${n})`).join(', ');
    if (missing.length > 0) {
      return error(
        `${missing.length === 1 ? 'A role service' : 'Role services'} Async Server needs ${missing.length === 1 ? 'is' : 'are'} not installed: ${describe(missing)}.`,
        `Install ${missing.length === 1 ? 'it' : 'them'} with Add Roles and Features, or in an elevated PowerShell: Install-WindowsFeature ${missing.join(', ')}. Then run the validation again.`,
      );
    }
    return passed(`Installed: ${describe(required)}.`);
  },
};
