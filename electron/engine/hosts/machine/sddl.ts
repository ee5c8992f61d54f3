/**
 * A file's DACL in SDDL, as Windows writes it (`D:PAI(A;;FA;;;BA)(A;ID;0x1200a9;;;BU)`), for the rehearsal's files:
 * the entries a file has on its own, those it inherits (`ID`), and whether it inherits at all (`P`: protected). Only
 * what a file's DACL holds is read: Allow and Deny entries with their access mask and inheritance flags.
 */
export interface SddlEntry {
  type: 'Allow' | 'Deny';
  /** OI, CI, NP, IO as Windows spells them; ID for an inherited entry. */
  flags: string[];
  rights: number;
  sid: string;
}

export interface Dacl {
  isProtected: boolean;
  entries: SddlEntry[];
}

export class SddlError extends Error {}

/** Windows' two-letter names of well-known SIDs (what it writes instead of the SID). */
const SID_ALIASES: Record<string, string> = {
  BA: 'S-1-5-32-544',
  BU: 'S-1-5-32-545',
  IS: 'S-1-5-32-568',
  SY: 'S-1-5-18',
  LS: 'S-1-5-19',
  NS: 'S-1-5-20',
  AU: 'S-1-5-11',
  WD: 'S-1-1-0',
  CO: 'S-1-3-0',
};

/** The file rights SDDL names; any other mask is written in hexadecimal. */
const RIGHTS_ALIASES: Record<string, number> = { FA: 0x1f01ff, FR: 0x120089, FW: 0x120116, FX: 0x1200a0 };
const GENERIC: Record<string, number> = { GA: 0x10000000, GX: 0x20000000, GW: 0x40000000, GR: 0x80000000 };
const FLAG_ORDER = ['OI', 'CI', 'NP', 'IO', 'ID'];

export function formatDacl(dacl: Dacl): string {
  const aliasOf = (sid: string) => Object.keys(SID_ALIASES).find((a) => SID_ALIASES[a] === sid) ?? sid;
  const rights = (mask: number) => Object.keys(RIGHTS_ALIASES).find((a) => RIGHTS_ALIASES[a] === mask >>> 0) ?? `0x${(mask >>> 0).toString(16)}`;
  const flags = (f: string[]) => FLAG_ORDER.filter((x) => f.includes(x)).join('');
  const entries = dacl.entries.map((e) => `(${e.type === 'Allow' ? 'A' : 'D'};${flags(e.flags)};${rights(e.rights)};;;${aliasOf(e.sid)})`);
  return `D:${dacl.isProtected ? 'P' : ''}AI${entries.join('')}`;
}

/** The DACL an SDDL string describes; Windows' message for one it cannot read. */
export function parseDacl(sddl: string): Dacl {
  const invalid = () => new SddlError('The SDDL form of a security descriptor object is invalid.');
  const match = /^D:([A-Z]*)((?:\([^()]*\))*)$/.exec(sddl.trim());
  if (!match) throw invalid();
  const control = match[1];
  if (!/^(P|AI|AR)*$/.test(control)) throw invalid();
  const entries = [...match[2].matchAll(/\(([^()]*)\)/g)].map(([, ace]) => {
    const parts = ace.split(';');
    if (parts.length !== 6 || (parts[0] !== 'A' && parts[0] !== 'D') || parts[3] !== '' || parts[4] !== '') throw invalid();
    const flags = parts[1].match(/.{2}/g) ?? [];
    if (parts[1].length % 2 || flags.some((f) => !FLAG_ORDER.includes(f))) throw invalid();
    return { type: parts[0] === 'A' ? ('Allow' as const) : ('Deny' as const), flags, rights: parseRights(parts[2], invalid), sid: parseSid(parts[5], invalid) };
  });
  // The control tokens are P, AI and AR: a P is the protection.
  return { isProtected: control.includes('P'), entries };
}

function parseRights(text: string, invalid: () => Error): number {
  if (/^0x[0-9a-f]+$/i.test(text)) return Number.parseInt(text.slice(2), 16) >>> 0;
  if (text in RIGHTS_ALIASES) return RIGHTS_ALIASES[text];
  const generic = text.match(/.{2}/g) ?? [];
  if (text.length % 2 === 0 && generic.length && generic.every((g) => g in GENERIC)) return generic.reduce((m, g) => (m | GENERIC[g]) >>> 0, 0);
  throw invalid();
}

function parseSid(text: string, invalid: () => Error): string {
  if (text in SID_ALIASES) return SID_ALIASES[text];
  if (/^S-1-\d+(-\d+)+$/.test(text)) return text;
  throw invalid();
}
