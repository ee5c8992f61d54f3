import path from 'node:path';

/** `C:\inetpub\x` → `<root>/C/inetpub/x`; `\\server\share\x` → `<root>/UNC/server/share/x`. */
export function windowsPathUnder(root: string, windowsPath: string): string {
  const trimmed = windowsPath.trim();
  const drive = /^([A-Za-z]):(?:\\|\/|$)(.*)$/.exec(trimmed);
  if (drive) return path.join(root, drive[1].toUpperCase(), ...splitSegments(drive[2]));
  const unc = /^\\\\([^\\]+)\\(.*)$/.exec(trimmed);
  if (unc) return path.join(root, 'UNC', unc[1], ...splitSegments(unc[2]));
  throw new Error(`"${windowsPath}" is not a full Windows path (C:\\… or \\\\server\\share\\…).`);
}

function splitSegments(rest: string): string[] {
  const segments = rest.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) throw new Error('A path cannot climb out of its drive with "..".');
  return segments;
}
