import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describeZodError } from '../../../../shared/contract/describe-error';
import { IIS_ROLE_SERVICE_NAMES } from '../facts';
import { ScenarioError } from './scenario';

/**
 * The scenario sections the prerequisite checks read. Every fact defaults to a healthy Windows Server with IIS, so a
 * scenario states only what is wrong: `"iis": { "roleServices": [...] }` lists what is installed, `"network":
 * { "portsInUse": [...] }` what listens, `"accounts"` what resolves, `"computer"` the rest.
 */
const ComputerFactsSection = z.object({
  name: z.string().default('CDX-HQ01'),
  /** The NetBIOS name of the computer's domain; null for a workgroup (no machine account). */
  domain: z.string().nullable().default('CONTOSO'),
  /** The domain's DNS name; by default the NetBIOS name, lower-case, under .com (CONTOSO: contoso.com). */
  dnsDomain: z.string().nullable().optional(),
  /** false: no domain controller answers, so a domain account's password cannot be checked (a local one still can). */
  domainControllerReachable: z.boolean().default(true),
  addresses: z.array(z.string()).default(['10.0.0.21']),
  os: z
    .object({ caption: z.string().default('Microsoft Windows Server 2012 R2 Datacenter'), version: z.string().default('6.3.9600') })
    .default({ caption: 'Microsoft Windows Server 2012 R2 Datacenter', version: '6.3.9600' }),
  /** Windows PowerShell's version: 4.0 on Windows Server 2012 R2 as shipped, 5.1 on 2016 and later or with WMF 5.1. */
  powershellVersion: z.string().regex(/^[0-9]+\.[0-9]+/).default('4.0'),
  elevated: z.boolean().default(true),
  /** The .NET Framework 4.x Release value; null when 4.5 or later is absent. 379893 is 4.5.2. */
  dotNetRelease: z.number().int().nonnegative().nullable().default(379893),
  executionPolicy: z.enum(['Restricted', 'AllSigned', 'RemoteSigned', 'Unrestricted', 'Bypass', 'Undefined']).default('RemoteSigned'),
  sqlcmd: z.string().nullable().default('C:\\Program Files\\Microsoft SQL Server\\110\\Tools\\Binn\\SQLCMD.EXE'),
  pendingReboot: z.boolean().default(false),
  setupRunning: z.boolean().default(false),
  diskFreeBytes: z.number().nonnegative().default(50 * 1024 ** 3),
  /** How long each answer takes, as PowerShell's would: for timeouts and the parallelism benchmark. */
  factDelayMs: z.number().int().nonnegative().max(600_000).default(0),
});

const Port = z.number().int().min(1).max(65535);

export const FactsSections = z.object({
  computer: ComputerFactsSection.default(ComputerFactsSection.parse({})),
  iis: z
    .object({ roleServices: z.array(z.enum(IIS_ROLE_SERVICE_NAMES as [string, ...string[]])).default([...IIS_ROLE_SERVICE_NAMES]) })
    .default({ roleServices: [...IIS_ROLE_SERVICE_NAMES] }),
  /** A port as a number (some program), or with the process that listens on it (SMSvcHost for Net.Tcp Port Sharing). */
  network: z
    .object({ portsInUse: z.array(z.union([Port, z.strictObject({ port: Port, process: z.string().min(1) })])).default([]) })
    .default({ portsInUse: [] }),
  /**
   * The accounts Windows resolves besides the built-in ones: `DOMAIN\user` (or `COMPUTER\user` for a local
   * account), or `{ "name": …, "sid": …, "upn": … }`. A domain account of the computer's domain has the UPN
   * user@dnsDomain unless one is given; a SID is made up from the account's place in the list unless one is given.
   * `password` is the one its domain (or the computer) accepts; without one, its password cannot be checked.
   */
  accounts: z
    .array(
      z.union([
        z.string(),
        z.object({ name: z.string(), sid: z.string().regex(/^S-1-[0-9]+(-[0-9]+)+$/).optional(), upn: z.string().optional(), password: z.string().min(1).optional() }),
      ]),
    )
    .default([]),
});
export type FactsSections = z.infer<typeof FactsSections>;

/** Reads the scenario file again: a scenario edited while the wizard is open is what the next validation sees. */
export function readFactsSections(file: string): FactsSections {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ScenarioError(file, `cannot be read as JSON: ${(err as Error).message}`);
  }
  const parsed = FactsSections.safeParse(raw);
  if (!parsed.success) throw new ScenarioError(file, `has invalid prerequisite facts: ${describeZodError(parsed.error)}`);
  return parsed.data;
}
