import { z } from 'zod';
import { describeZodError } from '../../../../shared/contract/describe-error';
import { IIS_ROLE_SERVICE_NAMES, type ComputerFacts, type ComputerIdentity, type IisRoleService, type ResolvedAccount } from '../facts';

/**
 * The PowerShell behind the Windows host's facts. Inputs travel in `$Data` (never spliced into the text), and each
 * script answers one JSON object that the parsers below check before anything trusts it.
 */
export const COMPUTER_FACTS_SCRIPT = `
# An elevated token carries the High (or, as SYSTEM, the System) mandatory label; its SID reads the same in every language.
$labels = @(whoami.exe /groups /fo csv /nh) -join ' '
$os = Get-CimInstance -ClassName Win32_OperatingSystem
$ndp = Get-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full' -Name Release -ErrorAction SilentlyContinue
# ApplicationInfo.Path: .Source came with PowerShell 5.0 and is $null on 4.0 (Windows Server 2012 R2 as shipped).
$sqlcmd = Get-Command -Name 'sqlcmd.exe' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
# The bootstrap runs with -ExecutionPolicy Bypass (Process scope): the policy scripts would get is the first other scope set.
$policy = 'Undefined'
foreach ($scope in 'MachinePolicy', 'UserPolicy', 'CurrentUser', 'LocalMachine') {
  $p = [string](Get-ExecutionPolicy -Scope $scope)
  if ($p -ne 'Undefined') { $policy = $p; break }
}
$reboot = (Test-Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending') -or
  (Test-Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired') -or
  ($null -ne (Get-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Session Manager' -Name PendingFileRenameOperations -ErrorAction SilentlyContinue))
# Windows Installer holds this mutex while an installation runs.
$installing = $false
try { $mutex = [System.Threading.Mutex]::OpenExisting('Global\\_MSIExecute'); $mutex.Dispose(); $installing = $true } catch { }
[pscustomobject]@{
  elevated = ($labels -match 'S-1-16-12288|S-1-16-16384')
  powershellVersion = [string]$PSVersionTable.PSVersion
  caption = [string]$os.Caption
  version = [string]$os.Version
  productType = [int]$os.ProductType
  dotNetRelease = if ($ndp) { [int]$ndp.Release } else { $null }
  executionPolicy = $policy
  sqlcmd = if ($sqlcmd) { [string]$sqlcmd.Path } else { $null }
  pendingReboot = [bool]$reboot
  setupRunning = $installing
}
`;

const RawComputerFacts = z.object({
  elevated: z.boolean(),
  powershellVersion: z.string(),
  caption: z.string(),
  version: z.string(),
  /** Win32_OperatingSystem.ProductType: 1 workstation, 2 domain controller, 3 server. */
  productType: z.number().int(),
  dotNetRelease: z.number().int().nullable(),
  executionPolicy: z.string(),
  sqlcmd: z.string().nullable(),
  pendingReboot: z.boolean(),
  setupRunning: z.boolean(),
});

export function parseComputerFacts(raw: unknown): ComputerFacts {
  const parsed = RawComputerFacts.safeParse(raw);
  if (!parsed.success) throw new Error(`The computer's facts came back in an unexpected form: ${describeZodError(parsed.error)}`);
  const r = parsed.data;
  const server = r.productType !== 1;
  return {
    elevated: r.elevated,
    os: { caption: r.caption.trim(), version: r.version, server },
    powershellVersion: r.powershellVersion,
    dotNetRelease: r.dotNetRelease,
    executionPolicy: r.executionPolicy === 'Undefined' ? defaultExecutionPolicy(r.version, server) : r.executionPolicy,
    sqlcmd: r.sqlcmd,
    pendingReboot: r.pendingReboot,
    setupRunning: r.setupRunning,
  };
}

/** With no scope set, Windows applies its default: RemoteSigned on Windows Server 2012 R2 and later, else Restricted. */
function defaultExecutionPolicy(version: string, server: boolean): string {
  const [major, minor] = version.split('.').map(Number);
  return server && (major > 6 || (major === 6 && minor >= 3)) ? 'RemoteSigned' : 'Restricted';
}

export const IIS_ROLE_SERVICES_SCRIPT = `
Import-Module ServerManager
@(Get-WindowsFeature -Name @($Data.names) | Where-Object { $_.Installed } | ForEach-Object { [string]$_.Name })
`;

export function parseIisRoleServices(raw: unknown): IisRoleService[] {
  // ConvertTo-Json turns an empty result into null and a one-element array into the element itself.
  const list = raw === null || raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (!list.every((x): x is string => typeof x === 'string')) throw new Error('The installed IIS role services came back in an unexpected form.');
  const known = new Set<string>(IIS_ROLE_SERVICE_NAMES);
  return list.filter((name) => known.has(name)) as IisRoleService[];
}

/** Which process listens on each port (Get-NetTCPConnection: Windows Server 2012 and later). */
export const PORT_OWNERS_SCRIPT = `
$answer = @{}
foreach ($port in @($Data.ports)) {
  $listener = @(Get-NetTCPConnection -LocalPort $port -State Listen -ErrorAction SilentlyContinue) | Select-Object -First 1
  if ($listener) {
    $process = Get-Process -Id $listener.OwningProcess -ErrorAction SilentlyContinue
    if ($process) { $answer[[string]$port] = [string]$process.ProcessName }
  }
}
$answer
`;

export function parsePortOwners(raw: unknown): Record<number, string> {
  const parsed = z.record(z.string(), z.string()).safeParse(raw ?? {});
  if (!parsed.success) throw new Error('The owners of the ports came back in an unexpected form.');
  return Object.fromEntries(Object.entries(parsed.data).map(([port, owner]) => [Number(port), owner]));
}

/**
 * Each name to its SID and back: the way back gives the down-level name Windows uses (a UPN becomes DOMAIN\\user, a
 * well-known SID the built-in account's name in this Windows' language). `.\\user` never comes here: the engine
 * expands it (expandLocalAccount), and the built-in accounts come as their SIDs.
 */
export const RESOLVE_ACCOUNTS_SCRIPT = `
$answer = @{}
foreach ($name in @($Data.names)) {
  try {
    if ($name -match '^S-1-[0-9]+(-[0-9]+)+$') { $sid = New-Object System.Security.Principal.SecurityIdentifier($name) }
    else { $sid = (New-Object System.Security.Principal.NTAccount($name)).Translate([System.Security.Principal.SecurityIdentifier]) }
    $down = $sid.Translate([System.Security.Principal.NTAccount])
    $answer[$name] = [pscustomobject]@{ name = [string]$down.Value; sid = [string]$sid.Value }
  } catch {
    $answer[$name] = $null
  }
}
$answer
`;

const RawResolved = z.record(z.string(), z.object({ name: z.string(), sid: z.string() }).nullable());

export function parseResolvedAccounts(raw: unknown, names: string[]): Record<string, ResolvedAccount | null> {
  const parsed = RawResolved.safeParse(raw);
  if (!parsed.success) throw new Error('The account lookup came back in an unexpected form.');
  return Object.fromEntries(names.map((n) => [n, parsed.data[n] ?? null]));
}

/**
 * The computer's names and its domain account. The account is looked up by the computer's own name (NAME$), so its
 * domain is the computer's, whatever domain the installing user comes from.
 */
export const COMPUTER_IDENTITY_SCRIPT = `
$cs = Get-CimInstance -ClassName Win32_ComputerSystem
$name = [string]$env:COMPUTERNAME
$machine = $null
$dnsDomain = $null
$dnsNames = @([string]$cs.DNSHostName)
if ($cs.PartOfDomain) {
  $dnsDomain = [string]$cs.Domain
  $dnsNames += ([string]$cs.DNSHostName + '.' + $dnsDomain)
  # By its name alone (the computer's own domain answers), else qualified by the domain's DNS name.
  foreach ($candidate in @(($name + '$'), ($dnsDomain + '\\' + $name + '$'))) {
    try {
      $sid = (New-Object System.Security.Principal.NTAccount($candidate)).Translate([System.Security.Principal.SecurityIdentifier])
      $machine = [string]$sid.Translate([System.Security.Principal.NTAccount]).Value
      break
    } catch { }
  }
}
$addresses = @(Get-CimInstance -ClassName Win32_NetworkAdapterConfiguration -Filter 'IPEnabled = TRUE' | ForEach-Object { $_.IPAddress } | Where-Object { $_ } | ForEach-Object { [string]$_ })
[pscustomobject]@{ name = $name; dnsDomain = $dnsDomain; machineAccount = $machine; dnsNames = $dnsNames; addresses = $addresses }
`;

const RawIdentity = z.object({
  name: z.string().min(1),
  dnsDomain: z.string().nullable(),
  machineAccount: z.string().nullable(),
  // ConvertTo-Json turns a one-element array into the element itself, and an empty one into null.
  dnsNames: z.union([z.array(z.string()), z.string(), z.null()]),
  addresses: z.union([z.array(z.string()), z.string(), z.null()]),
});

export function parseComputerIdentity(raw: unknown): ComputerIdentity {
  const parsed = RawIdentity.safeParse(raw);
  if (!parsed.success) throw new Error(`The computer's names came back in an unexpected form: ${describeZodError(parsed.error)}`);
  const list = (v: string[] | string | null) => (v === null ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== '');
  const r = parsed.data;
  return { name: r.name, dnsDomain: r.dnsDomain || null, machineAccount: r.machineAccount || null, dnsNames: list(r.dnsNames), addresses: list(r.addresses) };
}
