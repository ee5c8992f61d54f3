import { describe, expect, it } from 'vitest';
import { formatDacl, parseDacl } from '../../electron/engine/hosts/machine/sddl';

/** The rehearsal's SDDL of a file's DACL, as Windows writes and reads it. */
describe('a file\'s DACL in SDDL', () => {
  it('is written as Windows writes it: aliases for well-known SIDs and file rights, hexadecimal otherwise, flags in Windows\' order', () => {
    expect(
      formatDacl({
        isProtected: false,
        entries: [
          { type: 'Deny', flags: [], rights: 0x120116, sid: 'S-1-5-32-545' },
          { type: 'Allow', flags: ['ID', 'CI', 'OI'], rights: 0x1301bf, sid: 'S-1-5-21-1-2-3-1100' },
          { type: 'Allow', flags: ['ID'], rights: 0x1f01ff, sid: 'S-1-5-32-544' },
        ],
      }),
    ).toBe('D:AI(D;;FW;;;BU)(A;OICIID;0x1301bf;;;S-1-5-21-1-2-3-1100)(A;ID;FA;;;BA)');
    expect(formatDacl({ isProtected: true, entries: [{ type: 'Allow', flags: [], rights: 0x120089, sid: 'S-1-5-20' }] })).toBe('D:PAI(A;;FR;;;NS)');
  });

  it('reads back what it writes, and the generic rights and control flags Windows may write', () => {
    const sddl = 'D:PAI(A;;FA;;;BA)(A;;FA;;;SY)(A;;FR;;;S-1-5-21-1004336348-1177238915-682003330-1100)';
    expect(formatDacl(parseDacl(sddl))).toBe(sddl);
    expect(parseDacl('D:ARAI(A;OICIIO;GA;;;CO)')).toEqual({ isProtected: false, entries: [{ type: 'Allow', flags: ['OI', 'CI', 'IO'], rights: 0x10000000, sid: 'S-1-3-0' }] });
    expect(parseDacl('D:P(A;;GRGX;;;WD)').entries[0].rights).toBe(0xa0000000);
  });

  it.each(['', 'O:BAD:PAI', 'D:PAI(A;;FA;;;BA', 'D:XX(A;;FA;;;BA)', 'D:PAI(X;;FA;;;BA)', 'D:PAI(A;ZZ;FA;;;BA)', 'D:PAI(A;;QQ;;;BA)', 'D:PAI(A;;FA;;;QQ)', 'D:PAI(A;;FA;;;BA;x)'])('refuses %j with Windows\' message', (sddl) => {
    expect(() => parseDacl(sddl)).toThrow('The SDDL form of a security descriptor object is invalid.');
  });
});
