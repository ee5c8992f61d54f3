import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scenariosRoot } from '../../electron/engine/hosts/create-host';
import { KEY_RULE_RIGHTS, scenarioCertificateKeys, type ScenarioKeyedCertificate } from '../../electron/engine/hosts/rehearsal/certificate-keys';
import { readFactsSections, type FactsSections } from '../../electron/engine/hosts/rehearsal/facts-scenario';
import { rehearsalIdentity, resolveRehearsalAccount, scenarioAccounts } from '../../electron/engine/hosts/rehearsal/rehearsal-accounts';
import { loadScenario } from '../../electron/engine/hosts/rehearsal/scenario';
import { RehearsalSql } from '../../electron/engine/hosts/rehearsal/sql/rehearsal-sql';
import { windowsPathUnder } from '../../electron/engine/hosts/windows-paths';
import { PowerShellSession, type PowerShellCommand, type PowerShellRunner } from '../../electron/engine/hosts/windows/powershell';
import { WindowsHost } from '../../electron/engine/hosts/windows/windows-host';
import { pwshPath } from './windows-tools';
import { simulatedWindowsEnvironment } from '../../electron/engine/hosts/rehearsal/windows-environment';

/**
 * Windows in PowerShell: the real WindowsHost, WindowsMachine and WindowsFacts, whose scripts run in real pwsh with
 * the production bootstrap and envelope, against the fake of Windows in tests/windows-fake (docs/windows.md). Each
 * fake computer is a fresh sandbox: `drives/` holds its files (C:\x is drives/C/x), `state/windows.json` its IIS,
 * http.sys, firewall, ACLs, accounts, certificates and registry, and `state/` also the rehearsal's simulated SQL
 * Servers, which this host uses for its databases (no SQL Server can run here).
 */
export const FAKE_WINDOWS_LOADER = path.resolve('tests/windows-fake/FakeWindows.ps1');

/**
 * The computer facts the fake Windows answers with (a new Windows Server 2012 R2 as the scenario describes it), as
 * the engine parses them; the PowerShell version is pwsh's own, since the script reports the PowerShell it runs in.
 */
export const FAKE_COMPUTER_FACTS = {
  elevated: true,
  os: { caption: 'Microsoft Windows Server 2012 R2 Datacenter', version: '6.3.9600', server: true },
  powershellVersion: '7.6.9',
  dotNetRelease: 379893,
  executionPolicy: 'RemoteSigned',
  sqlcmd: null,
  pendingReboot: false,
  setupRunning: false,
} as const;

export type FakeState = Record<string, any>;

export interface FakeWindows {
  host: FakeWindowsHost;
  /** The sandbox root: drives/ and state/. */
  sandbox: string;
  drives: string;
  stateFile: string;
  /** One JSON line per change the fake was asked for: { command, occurrence }. */
  callsFile: string;
  command: PowerShellCommand;
  readState(): FakeState;
  writeState(state: FakeState): void;
  /** Changes the state in place (faults, a site that already exists…). */
  patchState(patch: (state: FakeState) => void): void;
  calls(): { command: string; occurrence: number }[];
}

export interface FakeWindowsOptions {
  /** A scenario file for the computer, its certificates, accounts and SQL Servers; the default scenario otherwise. */
  scenarioFile?: string;
  patch?: (state: FakeState) => void;
  /** Extra environment for pwsh (LC_ALL, say). */
  env?: Record<string, string>;
  /** Another runner over the same command (a session, a counting wrapper). */
  runner?: (command: PowerShellCommand) => PowerShellRunner;
}

/**
 * The seam: a Windows host whose Windows paths are the sandbox's (the same mapping the fake uses for its own file
 * access), whose environment is the fake computer's, and whose SQL is the rehearsal's. Everything else is the
 * production class.
 */
export class FakeWindowsHost extends WindowsHost {
  override readonly computerName: string;
  override readonly description: string;

  constructor(
    runner: PowerShellRunner,
    sql: RehearsalSql,
    private readonly drives: string,
    private readonly state: () => FakeState,
  ) {
    super(runner, sql);
    const computer = state().computer;
    this.computerName = computer.name;
    this.description = `Windows in PowerShell: the fake ${computer.os.caption} "${computer.name}"`;
  }

  override realPath(windowsPath: string): string {
    return windowsPathUnder(this.drives, windowsPath);
  }

  override async environment(): Promise<Record<string, string>> {
    const { computer } = this.state();
    return {
      // The installing user's domain, which may be another than the computer's (computer.userDomain).
      ...simulatedWindowsEnvironment(computer.name, computer.userDomain ?? computer.domain ?? computer.name),
      USERNAME: computer.user,
    };
  }
}

/** SHA-256 of the UTF-8 bytes, hex: what the fake's Credentials and WebAdministration shims compare. */
export function passwordDigest(password: string): string {
  return createHash('sha256').update(password, 'utf8').digest('hex');
}

const BUILT_IN_DOMAINS = new Set(['nt authority', 'builtin', 'iis apppool']);

/** The fake computer's first state, from a rehearsal scenario: the same computer the rehearsal host simulates. */
export function fakeStateFromScenario(scenarioFile: string): FakeState {
  const raw = JSON.parse(readFileSync(scenarioFile, 'utf8'));
  const { scenario, baseDir } = loadScenario(scenarioFile);
  const computer = { ...raw.computer };
  const read = (file: string) => readFileSync(path.resolve(baseDir, file), 'utf8');
  // The same accounts, SIDs and UPNs, and the same computer names, as the rehearsal host gives this scenario.
  const facts = readFactsSections(scenarioFile);
  const identity = rehearsalIdentity(facts);
  const domainAccounts = scenarioAccounts(facts).filter((a) => !BUILT_IN_DOMAINS.has(a.name.split('\\')[0].toLowerCase()));
  const keys = scenarioCertificateKeys(loadScenario(scenarioFile));
  const registry: Record<string, Record<string, unknown>> = {};
  if (computer.dotNetRelease != null) registry['SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full'] = { Release: computer.dotNetRelease };
  if (computer.pendingReboot) registry['SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending'] = {};
  return {
    computer: {
      name: scenario.computer.name,
      domain: scenario.computer.domain,
      dnsDomain: identity.dnsDomain,
      addresses: identity.addresses,
      user: 'setup-admin',
      os: { caption: scenario.computer.os.caption, version: scenario.computer.os.version, productType: 3 },
      elevated: computer.elevated ?? true,
      domainControllerReachable: facts.computer.domainControllerReachable,
      executionPolicy: { LocalMachine: computer.executionPolicy ?? 'RemoteSigned' },
    },
    registry,
    features: (scenario.iis.roleServices as string[] | undefined) ?? [],
    // A password as a digest only, as the fake's app pools keep theirs: the state file is in the sandbox the canary tests search.
    accounts: domainAccounts.map((a) => ({ name: a.name, sid: a.sid, ...(a.upn ? { upn: a.upn } : {}), ...(a.password ? { passwordSha256: passwordDigest(a.password) } : {}) })),
    certificates: scenario.certificates.map((c) => {
      const certificate = read(c.certificate);
      const key = c.rootStore === 'LocalMachine' ? keyOf(keys, certificate) : null;
      return {
        rootStore: c.rootStore,
        store: c.store,
        certificate,
        privateKey: c.privateKey ? read(c.privateKey) : null,
        friendlyName: '',
        ...(key ? { key: { provider: key.provider, name: path.win32.basename(key.file) } } : {}),
      };
    }),
    iis: {
      // A new IIS has its Default Web Site on port 80 (which the scenario lists as in use) and DefaultAppPool.
      appPools: [
        {
          name: 'DefaultAppPool',
          managedRuntimeVersion: 'v4.0',
          managedPipelineMode: 'Integrated',
          autoStart: true,
          startMode: 'OnDemand',
          state: 'Started',
          processModel: { identityType: 'ApplicationPoolIdentity', userName: '', passwordSha256: '' },
        },
      ],
      sites: [
        {
          name: 'Default Web Site',
          id: 1,
          serverAutoStart: true,
          state: 'Started',
          bindings: [{ protocol: 'http', bindingInformation: '*:80:', sslFlags: 0 }],
          applications: [{ path: '/', physicalPath: '%SystemDrive%\\inetpub\\wwwroot', applicationPool: 'DefaultAppPool', enabledProtocols: 'http' }],
        },
      ],
    },
    httpSys: { sslCertificates: [] },
    firewall: { rules: [] },
    // The key files' own rules; they inherit none (MachineKeys' and Keys' rules are for the folder only).
    acl: Object.fromEntries(keys.flatMap((c) => (c.key?.onDisk ? [[c.key.file.toLowerCase(), c.key.rules.map((r) => keyRule(facts, r))]] : []))),
    aclProtected: keys.flatMap((c) => (c.key?.onDisk ? [c.key.file.toLowerCase()] : [])),
    // One service manager: Windows' own services here, and those an installation creates beside them.
    services: [
      // dependsOn: as on Windows, a service others run on is not stopped without -Force.
      windowsService('W3SVC', 'World Wide Web Publishing Service', 'Automatic', ['WAS'], 'iissvcs'),
      windowsService('WAS', 'Windows Process Activation Service', 'Manual', [], 'iissvcs'),
      windowsService('NetTcpActivator', 'Net.Tcp Listener Adapter', 'Automatic', ['WAS', 'NetTcpPortSharing'], null),
      windowsService('NetTcpPortSharing', 'Net.Tcp Port Sharing Service', 'Manual', [], null),
    ],
    // The computer's DPAPI machine key (shims/DataProtection.ps1): each fake computer has its own.
    dpapi: { machineKey: randomBytes(32).toString('base64') },
    // The local security policy's user rights as a new Windows Server 2012 R2 has them (secedit /export).
    lsa: {
      rights: {
        SeBatchLogonRight: ['*S-1-5-32-544', '*S-1-5-32-551', '*S-1-5-32-559'],
        SeNetworkLogonRight: ['*S-1-1-0', '*S-1-5-32-544', '*S-1-5-32-545', '*S-1-5-32-551'],
        SeServiceLogonRight: ['*S-1-5-80-0'],
      },
    },
    faults: [],
  };
}

/** A service of Windows as the fake's service manager keeps it: svchost's, or the .NET Framework's SMSvcHost. */
function windowsService(name: string, displayName: string, startType: string, dependsOn: string[], svchostGroup: string | null) {
  const binaryPath = svchostGroup ? `C:\\Windows\\system32\\svchost.exe -k ${svchostGroup}` : 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\SMSvcHost.exe';
  const account = name === 'NetTcpPortSharing' ? 'NT AUTHORITY\\LocalService' : 'LocalSystem';
  return { name, displayName, status: 'Running', startType, dependsOn, binaryPath, account, recovery: { resetSeconds: 86400, actions: [{ type: 'RESTART', delayMs: 120000 }] } };
}

/** Windows' own executables, which the fake's service manager finds when it starts a service of Windows. */
const WINDOWS_EXECUTABLES = ['Windows/System32/svchost.exe', 'Windows/Microsoft.NET/Framework64/v4.0.30319/SMSvcHost.exe'];

function keyOf(keys: ScenarioKeyedCertificate[], pem: string): ScenarioKeyedCertificate['key'] {
  const thumbprint = new X509Certificate(pem).fingerprint.replace(/:/g, '');
  return keys.find((k) => k.thumbprint === thumbprint)?.key ?? null;
}

/** Accounts a key file's rules name that the rehearsal's accounts do not: the groups of Windows. */
const GROUPS: Record<string, string> = { 'builtin\\administrators': 'S-1-5-32-544', 'builtin\\users': 'S-1-5-32-545' };

/** A scenario key rule as the fake's ACL state keeps one (Acl.ps1): the account with its SID, the rights as .NET names them. */
function keyRule(facts: FactsSections, rule: { identity: string; rights: number }) {
  const sid = GROUPS[rule.identity.toLowerCase()] ?? resolveRehearsalAccount(facts, rule.identity)?.sid;
  if (!sid) throw new Error(`The scenario's key rule names ${rule.identity}, an account the fake Windows does not have.`);
  const rights = rule.rights === KEY_RULE_RIGHTS.FullControl ? 'FullControl' : 'Read, Synchronize';
  return { identity: rule.identity, sid, rights, inheritance: 'None', propagation: 'None', type: 'Allow' };
}

/** The key files the scenario has on disk, as real files in the sandbox (their content stands for the key blob). */
function seedKeyFiles(drives: string, scenarioFile: string): void {
  for (const c of scenarioCertificateKeys(loadScenario(scenarioFile))) {
    if (!c.key?.onDisk) continue;
    const file = windowsPathUnder(drives, c.key.file);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `key container of ${c.thumbprint}\n`);
  }
}

/** A fresh fake Windows computer in a temp sandbox, with a Windows host whose PowerShell runs in pwsh against it. */
export function fakeWindows(options: FakeWindowsOptions = {}): FakeWindows {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cdx-winfake-'));
  const sandbox = path.join(root, 'machine');
  const drives = path.join(sandbox, 'drives');
  const stateDir = path.join(sandbox, 'state');
  const stateFile = path.join(stateDir, 'windows.json');
  const callsFile = path.join(root, 'calls.jsonl');
  mkdirSync(path.join(drives, 'C', 'inetpub', 'wwwroot'), { recursive: true });
  for (const exe of WINDOWS_EXECUTABLES) {
    mkdirSync(path.dirname(path.join(drives, 'C', exe)), { recursive: true });
    writeFileSync(path.join(drives, 'C', exe), '');
  }
  mkdirSync(stateDir, { recursive: true });
  const scenarioFile = options.scenarioFile ?? path.join(scenariosRoot(), 'default', 'scenario.json');
  const initial = fakeStateFromScenario(scenarioFile);
  seedKeyFiles(drives, scenarioFile);
  options.patch?.(initial);
  const writeState = (state: FakeState) => writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
  writeState(initial);
  const readState = () => JSON.parse(readFileSync(stateFile, 'utf8')) as FakeState;
  const command: PowerShellCommand = {
    executable: pwshPath(),
    prelude: `. '${FAKE_WINDOWS_LOADER.replace(/'/g, "''")}'; `,
    env: { ...process.env, ...options.env, CDX_FAKE_WINDOWS_STATE: stateFile, CDX_FAKE_WINDOWS_DRIVES: drives, CDX_FAKE_WINDOWS_CALLS: callsFile },
  };
  const runner = options.runner ? options.runner(command) : new PowerShellSession(command);
  const sql = RehearsalSql.fromScenario(loadScenario(scenarioFile), stateDir);
  const host = new FakeWindowsHost(runner, sql, drives, readState);
  return {
    host,
    sandbox,
    drives,
    stateFile,
    callsFile,
    command,
    readState,
    writeState,
    patchState: (patch) => {
      const state = readState();
      patch(state);
      writeState(state);
    },
    calls: () => {
      try {
        return readFileSync(callsFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
      } catch {
        return [];
      }
    },
  };
}

/**
 * The fake computer has no sqlcmd.exe; a deploy's prerequisite gate wants one. This puts an executable of that name
 * on pwsh's PATH, where Get-Command finds it as it finds SQLCMD.EXE on Windows.
 */
export function sqlcmdOnPath(): Record<string, string> {
  const bin = mkdtempSync(path.join(os.tmpdir(), 'cdx-sqlcmd-'));
  const sqlcmd = path.join(bin, 'sqlcmd.exe');
  writeFileSync(sqlcmd, '#!/bin/sh\n');
  chmodSync(sqlcmd, 0o755);
  return { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
}
