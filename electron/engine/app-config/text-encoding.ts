/**
 * A configuration file's encoding, as found, so that an edit writes the file back the way it came: UTF-8 with or
 * without its byte order mark, or UTF-16 (little or big endian, with a BOM, as Visual Studio and Notepad write it).
 * Decoding is strict: a file that is not valid in its encoding is refused rather than silently repaired, since a
 * repaired file would not be the same bytes after an undo.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** The length of the byte order mark in bytes (0 when the file has none). */
  bomBytes: number;
}

export class TextEncodingError extends Error {}

export function decodeText(bytes: Buffer, what: string): DecodedText {
  let encoding: TextEncodingName = 'utf-8';
  let bomBytes = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bomBytes = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, bomBytes] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, bomBytes] = ['utf-16be', 2];
  // Without a BOM, XML's own rule (its appendix F): '<?' in UTF-16 starts with a zero byte on one side.
  else if (bytes[0] === 0x3c && bytes[1] === 0x00) encoding = 'utf-16le';
  else if (bytes[0] === 0x00 && bytes[1] === 0x3c) encoding = 'utf-16be';
  const body = bytes.subarray(bomBytes);
  if (encoding !== 'utf-8' && body.length % 2 !== 0) throw new TextEncodingError(`${what} looks like UTF-16 but has an odd number of bytes.`);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw new TextEncodingError(`${what} is not valid ${encoding.toUpperCase()} text, so Setup does not edit it.`);
  }
  return { text, encoding, bomBytes };
}

export function encodeText(text: string, encoding: TextEncodingName): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const le = Buffer.from(text, 'utf16le');
  return encoding === 'utf-16le' ? le : le.swap16();
}

/** The byte offset in the file of a character offset in its decoded text. */
export function byteOffset(decoded: DecodedText, charIndex: number): number {
  if (decoded.encoding === 'utf-8') return decoded.bomBytes + Buffer.byteLength(decoded.text.slice(0, charIndex), 'utf8');
  return decoded.bomBytes + charIndex * 2;
}
