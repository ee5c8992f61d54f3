import type { AppPoolState, SiteBinding, SiteState } from '../../hosts/machine/machine';
import type { Operation } from '../operation';
import { stateOperation } from './state-operation';

const BUILT_IN: Record<string, AppPoolState['identityType']> = {
  'nt authority\\network service': 'NetworkService',
  'nt authority\\system': 'LocalSystem',
  'nt authority\\local service': 'LocalService',
};

export function appPoolOperation(name: string, user: string): Operation {
  const builtIn = BUILT_IN[user.trim().toLowerCase()];
  const identityType = builtIn ?? (user.trim() ? 'SpecificUser' : 'ApplicationPoolIdentity');
  const desired: AppPoolState = { name, identityType, userName: identityType === 'SpecificUser' ? user : '', managedRuntimeVersion: 'v4.0', pipelineMode: 'Integrated' };
  return stateOperation(
    {
      id: `iis.app-pool:${name}`,
      kind: 'iis.app-pool',
      description: `Create the application pool ${name} (.NET v4.0, integrated) running as ${user || 'ApplicationPoolIdentity'}`,
      details: { name, identity: user || 'ApplicationPoolIdentity', identityType, managedRuntimeVersion: 'v4.0' },
    },
    {
      read: (ctx) => ctx.host.machine.readAppPool(name),
      write: (ctx, state) => ctx.host.machine.writeAppPool(state, state.identityType === 'SpecificUser' ? ctx.secrets.appPoolPassword : undefined),
      remove: (ctx) => ctx.host.machine.removeAppPool(name),
      desired: () => desired,
    },
  );
}

export interface SiteInput {
  site: string;
  physicalPath: string;
  appPool: string;
  httpsPort: number;
  thumbprint: string;
  certificateStore: string;
  certificateRootStore: string;
}

function withProtocol(list: string, protocol: string): string {
  const items = list.split(',').map((p) => p.trim()).filter(Boolean);
  return items.some((p) => p.toLowerCase() === protocol) ? items.join(',') : [...items, protocol].join(',');
}

/** The website and its HTTPS binding with the certificate; other bindings already on the site are kept. */
export function siteOperation(s: SiteInput): Operation {
  const https: SiteBinding = { protocol: 'https', bindingInformation: `*:${s.httpsPort}:`, certificateThumbprint: s.thumbprint, certificateStore: s.certificateStore };
  return stateOperation(
    {
      id: `iis.site:${s.site}`,
      kind: 'iis.site',
      description: `Create the website ${s.site} in ${s.physicalPath} with an HTTPS binding on port ${s.httpsPort} using the certificate ${s.thumbprint}`,
      details: { name: s.site, physicalPath: s.physicalPath, appPool: s.appPool, httpsPort: String(s.httpsPort), thumbprint: s.thumbprint, store: `${s.certificateRootStore}\\${s.certificateStore}` },
    },
    {
      read: (ctx) => ctx.host.machine.readSite(s.site),
      write: (ctx, state) => ctx.host.machine.writeSite(state),
      remove: (ctx) => ctx.host.machine.removeSite(s.site),
      desired: (current): SiteState => ({
        name: s.site,
        physicalPath: current?.physicalPath ?? s.physicalPath,
        appPool: current?.appPool ?? s.appPool,
        bindings: [https, ...(current?.bindings ?? []).filter((b) => b.protocol !== 'https')],
        enabledProtocols: withProtocol(current?.enabledProtocols ?? '', 'https'),
      }),
    },
  );
}

export function netTcpOperation(site: string, tcpPort: number): Operation {
  return stateOperation(
    {
      id: `iis.net-tcp:${site}`,
      kind: 'iis.net-tcp',
      description: `Add the net.tcp binding ${tcpPort}:* to the website ${site} and enable the net.tcp protocol`,
      details: { site, tcpPort: String(tcpPort) },
    },
    {
      read: (ctx) => ctx.host.machine.readSite(site),
      write: (ctx, state) => ctx.host.machine.writeSite(state),
      remove: (ctx) => ctx.host.machine.removeSite(site),
      desired: (current): SiteState => {
        if (!current) throw new Error(`The website ${site} does not exist, so no net.tcp binding can be added to it.`);
        return {
          ...current,
          bindings: [...current.bindings.filter((b) => b.protocol !== 'net.tcp'), { protocol: 'net.tcp', bindingInformation: `${tcpPort}:*` }],
          enabledProtocols: withProtocol(current.enabledProtocols, 'net.tcp'),
        };
      },
    },
  );
}

export function applicationOperation(site: string, application: string, physicalPath: string, appPool: string, tcp: boolean): Operation {
  const appPath = `/${application}`;
  const enabledProtocols = tcp ? 'https,net.tcp' : 'https';
  return stateOperation(
    {
      id: `iis.application:${site}${appPath}`,
      kind: 'iis.application',
      description: `Create the web application ${site}${appPath} in ${physicalPath}, in the application pool ${appPool}, with the protocols ${enabledProtocols}`,
      details: { site, path: appPath, physicalPath, appPool, enabledProtocols },
    },
    {
      read: (ctx) => ctx.host.machine.readApplication(site, appPath),
      write: (ctx, state) => ctx.host.machine.writeApplication(state),
      remove: (ctx) => ctx.host.machine.removeApplication(site, appPath),
      desired: () => ({ site, path: appPath, physicalPath, appPool, enabledProtocols }),
    },
  );
}
