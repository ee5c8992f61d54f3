import type { ServiceAccount } from './service-accounts';
import type { ApplicationState, AppPoolState, SiteBinding, SiteState } from '../../hosts/machine/machine';
import { sameBinding } from '../../hosts/machine/same-binding';
import type { Operation, UndoKind, UndoTarget } from '../../plan/operation';
import { sameState } from '../../plan/operations/same-state';
import { stateOperation, stateUndo, type StateKind } from '../../plan/operations/state-operation';

/** The pool's account in the plan (service-accounts.ts): how it was written, and what the computer knows it as. */
export type PoolAccount = Pick<ServiceAccount, 'written' | 'builtIn' | 'virtual' | 'name'>;

/**
 * The identity the settings give a pool: a built-in account in any spelling is IIS's built-in identity of that name
 * (never a specific user, which would have no password), the pool's virtual account is ApplicationPoolIdentity, and
 * any other account is a specific user under its down-level name (a UPN translated, .\user expanded).
 */
function settingsIdentity(account: PoolAccount): Pick<AppPoolState, 'identityType' | 'userName'> {
  const identityType: AppPoolState['identityType'] = account.builtIn ?? (account.virtual ? 'ApplicationPoolIdentity' : 'SpecificUser');
  return { identityType, userName: identityType === 'SpecificUser' ? account.name : '' };
}

const shown = (account: PoolAccount) => (account.virtual ? 'ApplicationPoolIdentity' : account.written);

const runsAs = (pool: AppPoolState, identity: Pick<AppPoolState, 'identityType' | 'userName'>) =>
  pool.identityType === identity.identityType && pool.userName.toLowerCase() === identity.userName.toLowerCase();

/**
 * Why an existing pool cannot be given the settings' identity, in two parts (what, and what to do), or null. A pool
 * that runs as another specific user keeps it: replacing that user would overwrite a password nobody gave us, which
 * rollback and uninstall could then not write back.
 */
export function appPoolIdentityConflict(name: string, account: PoolAccount, existing: AppPoolState | null): { details: string; fix: string } | null {
  if (existing?.identityType !== 'SpecificUser' || runsAs(existing, settingsIdentity(account))) return null;
  return {
    details: `The application pool ${name} already runs as ${existing.userName}. CDX Setup does not replace it by ${shown(account)}: the password of ${existing.userName} could not be given back on rollback or uninstall.`,
    fix: `Set AppPoolUser to ${existing.userName}, choose another AppPoolName, or change the pool's identity in IIS Manager first.`,
  };
}

/**
 * The application pool. An existing pool that already runs as the settings' identity keeps it, password included: it
 * is not rewritten, so undo has nothing to give back but the other settings. One that runs as another specific user
 * is refused before anything is written (appPoolIdentityConflict). Undo never passes a password: the pool keeps the
 * one it has (see Machine.writeAppPool).
 */
/** Undo writes back the pool as it was, without a password: the pool keeps the one it has (see Machine.writeAppPool). */
const appPoolUndo: UndoKind = {
  kind: 'iis.app-pool',
  async undo(ctx, target, before) {
    const previous = (before?.previous ?? null) as AppPoolState | null;
    if (previous === null) await ctx.host.machine.removeAppPool(String(target.name));
    else await ctx.host.machine.writeAppPool(previous);
  },
};

export function appPoolOperation(name: string, account: PoolAccount): Operation {
  const identity = settingsIdentity(account);
  const { identityType, userName } = identity;
  const runsAsSettings = (pool: AppPoolState) => runsAs(pool, identity);
  // The user name as IIS spells it, when it is the same account: a different case is no change.
  const desired = (current: AppPoolState | null): AppPoolState => ({
    name,
    identityType,
    userName: current && runsAsSettings(current) ? current.userName : userName,
    managedRuntimeVersion: 'v4.0',
    pipelineMode: 'Integrated',
  });
  return {
    id: `iis.app-pool:${name}`,
    kind: appPoolUndo.kind,
    target: { name },
    description: `Create the application pool ${name} (.NET v4.0, integrated) running as ${shown(account)}`,
    details: { name, identity: identityType === 'SpecificUser' ? userName : shown(account), identityType, managedRuntimeVersion: 'v4.0' },
    async isDone(ctx) {
      const current = await ctx.host.machine.readAppPool(name);
      return current !== null && sameState(current, desired(current));
    },
    async prepare(ctx) {
      return { previous: await ctx.host.machine.readAppPool(name) };
    },
    async apply(ctx) {
      const previous = await ctx.host.machine.readAppPool(name);
      const conflict = appPoolIdentityConflict(name, account, previous);
      if (conflict) throw new Error(`${conflict.details} ${conflict.fix}`);
      const keepsIdentity = previous !== null && runsAsSettings(previous);
      const password = !keepsIdentity && identityType === 'SpecificUser' ? ctx.secrets.appPoolPassword : undefined;
      await ctx.host.machine.writeAppPool(desired(previous), password);
      return { previous };
    },
  };
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

/** A website's own settings, and the one binding an operation owns on it (null: the site does not have it). */
interface SiteAndBinding {
  site: Omit<SiteState, 'bindings'>;
  binding: SiteBinding | null;
}

/** The binding an operation owns on a website, as the journal keeps it; `removeWhenAbsent`: what undo removes when the site had none. */
interface BindingTarget extends UndoTarget {
  site: string;
  binding: SiteBinding;
  removeWhenAbsent: 'site' | 'binding';
}

/**
 * Access to one binding of a website and the site's own settings, never to its other bindings: an existing site
 * (Default Web Site with 443 and 808:*) keeps them, and undo gives back exactly the binding as it was, or removes it.
 */
const bindingKind = (kind: string): StateKind<SiteAndBinding, BindingTarget> => ({
  kind,
  async read(ctx, t) {
    const state = await ctx.host.machine.readSite(t.site);
    if (!state) return null;
    const { bindings, ...site } = state;
    return { site, binding: bindings.find((b) => sameBinding(b, t.binding)) ?? null };
  },
  async write(ctx, t, state) {
    const machine = ctx.host.machine;
    await machine.writeSite({ ...state.site, bindings: state.binding ? [state.binding] : [] });
    if (state.binding) await machine.writeBinding(t.site, state.binding);
    else await machine.removeBinding(t.site, t.binding);
  },
  async remove(ctx, t) {
    if (t.removeWhenAbsent === 'site') await ctx.host.machine.removeSite(t.site);
    else if (await ctx.host.machine.readSite(t.site)) await ctx.host.machine.removeBinding(t.site, t.binding);
  },
});
const siteKind = bindingKind('iis.site');
const netTcpKind = bindingKind('iis.net-tcp');

const applicationKind: StateKind<ApplicationState, { site: string; path: string }> = {
  kind: 'iis.application',
  read: (ctx, t) => ctx.host.machine.readApplication(t.site, t.path),
  write: (ctx, _t, state) => ctx.host.machine.writeApplication(state),
  remove: (ctx, t) => ctx.host.machine.removeApplication(t.site, t.path),
};

export const iisUndo: UndoKind[] = [appPoolUndo, stateUndo(siteKind), stateUndo(netTcpKind), stateUndo(applicationKind)];

/** The website (created when missing) and its HTTPS binding on this instance's port with the certificate. */
export function siteOperation(s: SiteInput): Operation {
  const https: SiteBinding = { protocol: 'https', bindingInformation: `*:${s.httpsPort}:`, certificateThumbprint: s.thumbprint, certificateStore: s.certificateStore };
  return stateOperation(
    siteKind,
    { site: s.site, binding: https, removeWhenAbsent: 'site' },
    {
      id: `iis.site:${s.site}`,
      description: `Create the website ${s.site} in ${s.physicalPath} with an HTTPS binding on port ${s.httpsPort} using the certificate ${s.thumbprint}`,
      details: { name: s.site, physicalPath: s.physicalPath, appPool: s.appPool, httpsPort: String(s.httpsPort), thumbprint: s.thumbprint, store: `${s.certificateRootStore}\\${s.certificateStore}` },
    },
    (current) => ({
      site: current
        ? { ...current.site, enabledProtocols: withProtocol(current.site.enabledProtocols, 'https') }
        : { name: s.site, physicalPath: s.physicalPath, appPool: s.appPool, enabledProtocols: 'https' },
      binding: https,
    }),
  );
}

export function netTcpOperation(site: string, tcpPort: number): Operation {
  const binding: SiteBinding = { protocol: 'net.tcp', bindingInformation: `${tcpPort}:*` };
  return stateOperation(
    netTcpKind,
    { site, binding, removeWhenAbsent: 'binding' },
    {
      id: `iis.net-tcp:${site}`,
      description: `Add the net.tcp binding ${tcpPort}:* to the website ${site} and enable the net.tcp protocol`,
      details: { site, tcpPort: String(tcpPort) },
    },
    (current) => {
      if (!current) throw new Error(`The website ${site} does not exist, so no net.tcp binding can be added to it.`);
      return { site: { ...current.site, enabledProtocols: withProtocol(current.site.enabledProtocols, 'net.tcp') }, binding };
    },
  );
}

export function applicationOperation(site: string, application: string, physicalPath: string, appPool: string, tcp: boolean): Operation {
  const appPath = `/${application}`;
  const enabledProtocols = tcp ? 'https,net.tcp' : 'https';
  return stateOperation(
    applicationKind,
    { site, path: appPath },
    {
      id: `iis.application:${site}${appPath}`,
      description: `Create the web application ${site}${appPath} in ${physicalPath}, in the application pool ${appPool}, with the protocols ${enabledProtocols}`,
      details: { site, path: appPath, physicalPath, appPool, enabledProtocols },
    },
    () => ({ site, path: appPath, physicalPath, appPool, enabledProtocols }),
  );
}
