import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RehearsalHost } from '../../electron/engine/hosts/rehearsal/rehearsal-host';
import { loadScenario } from '../../electron/engine/hosts/rehearsal/scenario';
import { buildPlan, PlanError, type Plan } from '../../electron/engine/plan/build-plan';
import { SupportFiles } from '../../electron/engine/support-files/support-files';
import { BUILT_IN_ACCOUNTS, builtInAccount, type BuiltInAccount } from '../../shared/settings/accounts';
import type { Settings } from '../../shared/components/async-server/parameters';
import { validateSettings } from '../../shared/components/async-server/rules';
import { checkAccount } from '../../shared/settings/rules';
import { CHOICES, goodSettings, install } from '../install/support';
import { defaultScenarioCopy } from '../support/scenario-copy';

/** A rehearsal of the default scenario, changed by `patch`, with its support files folder. */
async function machine(patch: (scenario: Record<string, any>) => void = () => {}) {
  const sandbox = mkdtempSync(path.join(os.tmpdir(), 'cdx-accounts-'));
  const host = new RehearsalHost(loadScenario(defaultScenarioCopy(patch, sandbox)), path.join(sandbox, 'machine'));
  return { host, supportDir: await new SupportFiles(host).realDir() };
}

/** A SQL Server on the rehearsal computer itself (the default scenario's are on SQLHQ01). */
const localSqlServer = (s: Record<string, any>) => {
  s.sqlServers.push({ name: 'CDX-HQ01', logins: [], databases: [] });
};

const plan = (env: Awaited<ReturnType<typeof machine>>, patch: Partial<Settings>, passwordProvided = true) =>
  buildPlan(env.host, env.supportDir, { settings: goodSettings(patch), choices: CHOICES, passwordProvided });

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('the plan was not refused');
    },
    (err: unknown) => {
      expect(err).toBeInstanceOf(PlanError);
      return err as PlanError;
    },
  );

const op = (p: Plan, kind: string) => p.operations.filter((o) => o.kind === kind);

/** Installs through the install service, prerequisite gate included, as every front door does. */
async function deploy(env: Awaited<ReturnType<typeof machine>>, patch: Partial<Settings>, passwordProvided = true) {
  const p = await plan(env, patch, passwordProvided);
  const result = await install(env, goodSettings(patch), passwordProvided ? {} : { secrets: {} });
  const sql = JSON.parse(readFileSync(env.host.sql.stateFile, 'utf8')).servers as Record<string, { logins: string[] }>;
  return { plan: p, result, sql };
}

describe('the built-in accounts, in every spelling (6c)', () => {
  const spellings = (Object.entries(BUILT_IN_ACCOUNTS) as [BuiltInAccount, (typeof BUILT_IN_ACCOUNTS)[BuiltInAccount]][]).flatMap(([account, info]) =>
    info.spellings.flatMap((s) => [s, s.toLowerCase()].map((spelling) => [spelling, account] as const)),
  );

  it.each(spellings)('%s is %s, accepted by the field rules and needing no password', (spelling, account) => {
    expect(builtInAccount(spelling)).toBe(account);
    expect(checkAccount(spelling, 'app pool user')).toBeNull();
    const settings = goodSettings({ AppPoolUser: spelling });
    expect(validateSettings(settings, { configure: true, passwordProvided: false }).filter((i) => i.field === 'AppPoolPassword')).toEqual([]);
  });

  it('keeps their SIDs well known: Network Service S-1-5-20, Local Service S-1-5-19, Local System S-1-5-18', () => {
    expect([BUILT_IN_ACCOUNTS.NetworkService.sid, BUILT_IN_ACCOUNTS.LocalService.sid, BUILT_IN_ACCOUNTS.LocalSystem.sid]).toEqual(['S-1-5-20', 'S-1-5-19', 'S-1-5-18']);
  });

  it('refuses a made-up NT AUTHORITY account, and a domain user whose name only looks built-in', () => {
    expect(checkAccount('NT AUTHORITY\\Nobody', 'app pool user')).toContain('built-in accounts');
    expect(checkAccount('NT-AUTORITÄT\\NIEMAND', 'app pool user')).toContain('built-in accounts');
    expect(builtInAccount('CONTOSO\\NetworkService')).toBeNull();
    expect(builtInAccount('.\\NetworkService')).toBeNull();
  });

  it.each(['NT AUTHORITY\\NetworkService', 'NetworkService', 'NT-AUTORITÄT\\NETZWERKDIENST'])(
    'makes %s the pool\'s built-in identity, granted folder access by its SID: installed without a password, the pool is not a user with an empty one',
    async (spelling) => {
      const env = await machine();
      const { plan: p, result } = await deploy(env, { AppPoolUser: spelling, AOSServiceUser: 'CONTOSO\\svc-aos' }, false);
      expect(result.outcome).toBe('installed');
      expect(op(p, 'iis.app-pool')[0].details).toMatchObject({ identityType: 'NetworkService' });
      expect(op(p, 'acl').map((o) => o.details.identity)).toEqual(['S-1-5-20', 'CONTOSO\\svc-aos']);
      expect(await env.host.machine.readAppPool('AsyncServer')).toMatchObject({ identityType: 'NetworkService', userName: '' });
    },
  );

  it('grants one permission to one account written two ways', async () => {
    const env = await machine();
    const p = await plan(env, { AppPoolUser: 'NT AUTHORITY\\NetworkService', AOSServiceUser: 'NT Authority\\Network Service' }, false);
    expect(op(p, 'acl').map((o) => o.details.identity)).toEqual(['S-1-5-20']);
    expect(op(p, 'sql.login')).toHaveLength(1);
  });
});

describe('a user principal name (6d)', () => {
  it('is translated on the host to DOMAIN\\user for IIS, the permissions and the SQL login, which SQL Server refuses as a UPN', async () => {
    const env = await machine();
    const { plan: p, result, sql } = await deploy(env, { AppPoolUser: 'svc-async@contoso.com' });
    expect(result.outcome).toBe('installed');
    expect(op(p, 'iis.app-pool')[0].details).toMatchObject({ identityType: 'SpecificUser', identity: 'CONTOSO\\svc-async' });
    expect(op(p, 'acl')[0].details.identity).toBe('CONTOSO\\svc-async');
    expect(sql.sqlhq01.logins).toContain('CONTOSO\\svc-async');
    expect(JSON.stringify(sql)).not.toContain('svc-async@contoso.com');
    expect(await env.host.machine.readAppPool('AsyncServer')).toMatchObject({ identityType: 'SpecificUser', userName: 'CONTOSO\\svc-async' });
  });

  it('uses the UPN the scenario gives an account', async () => {
    const env = await machine((s) => s.accounts.push({ name: 'FABRIKAM\\svc-ext', upn: 'async@fabrikam.example' }));
    const p = await plan(env, { AOSServiceUser: 'async@fabrikam.example' });
    expect(op(p, 'acl')[1].details.identity).toBe('FABRIKAM\\svc-ext');
  });

  it('is refused, naming the field and why, when Windows cannot translate it; nothing is planned', async () => {
    const env = await machine();
    const err = await refusal(plan(env, { AOSServiceUser: 'nobody@contoso.com' }));
    expect(err.field).toBe('AOSServiceUser');
    expect(err.message).toMatch(/^AOSServiceUser: the AOS service user nobody@contoso.com is a user principal name, which SQL Server's CREATE LOGIN … FROM WINDOWS does not accept, and CDX-HQ01 could not translate it to DOMAIN\\user .*Write it as DOMAIN\\user\.$/);
  });
});

describe('a local account, .\\user (6e)', () => {
  const withLocal = (s: Record<string, any>) => {
    s.accounts.push('CDX-HQ01\\svc-local');
    localSqlServer(s);
  };

  it('is this computer\'s account everywhere: the pool, the permissions and the login on a SQL Server on this computer', async () => {
    const env = await machine(withLocal);
    const { plan: p, result, sql } = await deploy(env, { AppPoolUser: '.\\svc-local', HQMessageDatabaseServerName: 'localhost' });
    expect(result.outcome).toBe('installed');
    expect(op(p, 'iis.app-pool')[0].details.identity).toBe('CDX-HQ01\\svc-local');
    expect(op(p, 'acl')[0].details.identity).toBe('CDX-HQ01\\svc-local');
    expect(sql['cdx-hq01'].logins).toContain('CDX-HQ01\\svc-local');
    expect(JSON.stringify(sql)).not.toContain('.\\\\svc-local');
  });

  it('is refused when SQL Server is on another computer, naming the field', async () => {
    const env = await machine(withLocal);
    const err = await refusal(plan(env, { AppPoolUser: '.\\svc-local', HQMessageDatabaseServerName: 'SQLHQ01' }));
    expect(err.field).toBe('AppPoolUser');
    expect(err.message).toBe('AppPoolUser: the app pool user .\\svc-local is a local account of CDX-HQ01, which cannot sign in to SQL Server on another computer (SQLHQ01); use a domain account.');
  });
});

describe('the computer account of Network Service against another computer\'s SQL Server (6g)', () => {
  const network = { AppPoolUser: 'CONTOSO\\svc-async', AOSServiceUser: 'NT Authority\\Network Service' };

  it('is the computer\'s own domain and name, not the installing user\'s domain', async () => {
    // The admin signs in from CONTOSO; the computer is a member of FABRIKAM.
    const env = await machine((s) => {
      s.computer.domain = 'FABRIKAM';
      s.computer.dnsDomain = 'fabrikam.example';
      s.computer.environment = { USERDOMAIN: 'CONTOSO', USERDNSDOMAIN: 'CONTOSO.COM' };
    });
    const { sql, result } = await deploy(env, network);
    expect(result.outcome).toBe('installed');
    expect(sql.sqlhq01.logins).toContain('FABRIKAM\\CDX-HQ01$');
    expect(sql.sqlhq01.logins).not.toContain('CONTOSO\\CDX-HQ01$');
  });

  it.each(['cdx-hq01.contoso.com', '10.0.0.21', 'CDX-HQ01', '127.0.0.1'])('is not used when SQL Server is named %s: that is this computer', async (server) => {
    const env = await machine(localSqlServer);
    const { sql, result } = await deploy(env, { ...network, HQMessageDatabaseServerName: server });
    expect(result.outcome).toBe('installed');
    expect(sql['cdx-hq01'].logins).toContain('NT AUTHORITY\\NETWORK SERVICE');
    expect(JSON.stringify(sql)).not.toContain('CDX-HQ01$');
  });

  it('is refused in a workgroup, where the computer has no domain account; and Local Service never reaches another computer', async () => {
    const workgroup = await machine((s) => (s.computer.domain = null));
    const err = await refusal(plan(workgroup, network));
    expect(err.field).toBe('AOSServiceUser');
    expect(err.message).toContain('signs in to SQL Server on SQLHQ01 as this computer\'s domain account, but CDX-HQ01 is not in a domain');
    const env = await machine();
    expect((await refusal(plan(env, { AOSServiceUser: 'LocalService' }))).message).toContain('has no network identity and cannot sign in to SQL Server on SQLHQ01');
  });
});
