/**
 * Access masks on a key file, as Windows stores them. "Read" (certlm.msc's Manage Private Keys, or FileSystemRights.Read)
 * is ReadData, ReadAttributes, ReadExtendedAttributes and ReadPermissions; .NET adds Synchronize to every Allow rule.
 */
export const KEY_READ = 0x20089;
export const SYNCHRONIZE = 0x100000;
/** The rule Setup grants: Read, as .NET writes it. */
export const KEY_READ_RULE = KEY_READ | SYNCHRONIZE;

const GENERIC_ALL = 0x10000000;
const GENERIC_READ = 0x80000000;

/** Whether a mask lets its holder open the key: every Read bit, or the generic rights that include them. */
export function grantsRead(mask: number): boolean {
  const unsigned = mask >>> 0;
  return (unsigned & KEY_READ) === KEY_READ || (unsigned & GENERIC_READ) !== 0 || (unsigned & GENERIC_ALL) !== 0;
}

const NAMED: [number, string][] = [
  [0x1f01ff, 'Full control'],
  [0x301bf, 'Modify'],
  [0x200a9, 'Read and execute'],
  [KEY_READ, 'Read'],
];

/** A mask as certlm.msc's permission names say it, for messages. */
export function describeKeyRights(mask: number): string {
  const unsigned = mask >>> 0;
  if (unsigned & GENERIC_ALL) return 'Full control';
  if (unsigned & GENERIC_READ) return 'Read';
  return NAMED.find(([bits]) => (unsigned & bits) === bits)?.[1] ?? `special permissions (0x${unsigned.toString(16)})`;
}
