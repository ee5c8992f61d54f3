import { MAX_SETTINGS_FILE_BYTES } from '../../../shared/contract/methods/settings-files';
import { lineAt, type SettingsFileProblem } from './problems';

export type TextEncodingName = 'utf-8' | 'utf-8 with BOM' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Warnings about the encoding that do not stop reading (a declaration that does not match the bytes). */
  warnings: SettingsFileProblem[];
}

/**
 * Turns the bytes Windows tools write into text: UTF-8 with or without BOM, UTF-16 LE/BE (Notepad's "Unicode"),
 * and the ANSI code page when the XML declaration says so. Anything else (binary junk, a truncated UTF-16 file) is
 * reported with its line, before any XML parsing.
 */
export function decodeFileBytes(bytes: Uint8Array, file: string): DecodedText | SettingsFileProblem {
  if (bytes.length > MAX_SETTINGS_FILE_BYTES) {
    return problem(file, undefined, tooLargeMessage(bytes.length));
  }
  const [b0, b1, b2] = bytes;
  let encoding: TextEncodingName;
  let start = 0;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) [encoding, start] = ['utf-8 with BOM', 3];
  else if (b0 === 0xff && b1 === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (b0 === 0xfe && b1 === 0xff) [encoding, start] = ['utf-16be', 2];
  // UTF-16 without a byte order mark still starts with "<" next to a zero byte.
  else if (b0 === 0x3c && b1 === 0x00) encoding = 'utf-16le';
  else if (b0 === 0x00 && b1 === 0x3c) encoding = 'utf-16be';
  else encoding = declaredAnsi(bytes) ? 'windows-1252' : 'utf-8';

  const body = bytes.subarray(start);
  const label = encoding === 'utf-8 with BOM' ? 'utf-8' : encoding;
  let text: string;
  try {
    text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const loose = new TextDecoder(label, { fatal: false, ignoreBOM: true }).decode(body);
    const at = loose.indexOf('\uFFFD');
    const what = label.startsWith('utf-16') ? 'UTF-16 ("Unicode") text: it is cut short or damaged' : 'UTF-8 text: it holds binary data or was saved in another encoding';
    return problem(file, at >= 0 ? lineAt(loose, at) : undefined, `is not valid ${what}. Save it as UTF-8 or Unicode in Notepad.`);
  }
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return problem(file, lineAt(text, control.index), `holds binary data (character U+${code}), not text: it is not a settings file, or it is damaged.`);
  }
  return { text, encoding, warnings: declarationWarnings(text, encoding, file) };
}

export function tooLargeMessage(size: number): string {
  return `is ${size} bytes long; settings files are small (a few KB), and files over ${MAX_SETTINGS_FILE_BYTES / 1024} KiB are refused without being read.`;
}

function problem(file: string, line: number | undefined, message: string): SettingsFileProblem {
  return { file, ...(line !== undefined ? { line } : {}), severity: 'error', message };
}

const DECLARED = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/;

function declaredAnsi(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const declared = DECLARED.exec(head)?.[1].toLowerCase();
  return declared === 'windows-1252' || declared === 'iso-8859-1' || declared === 'latin1';
}

/** .NET's XmlDocument, which the product's deploy script uses, refuses a UTF-8 file that declares UTF-16. */
function declarationWarnings(text: string, encoding: TextEncodingName, file: string): SettingsFileProblem[] {
  const declared = DECLARED.exec(text)?.[1].toLowerCase();
  if (!declared) return [];
  const isUtf16 = encoding.startsWith('utf-16');
  if (declared.startsWith('utf-16') === isUtf16) return [];
  if (!isUtf16 && encoding === 'windows-1252') return [];
  return [
    {
      file,
      line: 1,
      severity: 'warning',
      message: `declares encoding="${declared}" but is saved as ${encoding}; the product's deploy script may refuse it. CDX Setup reads it by its bytes; "settings convert" writes a consistent file.`,
    },
  ];
}
