import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** The path inside the archive, with forward slashes. */
  name: string;
  data: Buffer;
  time: Date;
}

const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const VERSION = 20;
// Made by Unix (3), so that unzip reads the names as the UTF-8 they are flagged as (for MS-DOS it converts them from
// code page 437), with the permissions of an ordinary readable file; Explorer and zipfile go by the UTF-8 flag.
const MADE_BY = (3 << 8) | VERSION;
const REGULAR_FILE = (0o100644 << 16) >>> 0;

/**
 * A ZIP archive (PKWARE APPNOTE 6.3: local headers, deflated data, the central directory, its end record), the
 * subset every unzip, Explorer and Python's zipfile read: deflate, UTF-8 names, DOS times, no ZIP64, so each file and
 * the archive stay under 4 GiB (a support bundle is a few megabytes).
 */
export function writeZip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const names = new Set<string>();
  for (const entry of entries) {
    if (!entry.name || entry.name.startsWith('/') || entry.name.split('/').includes('..')) throw new Error(`"${entry.name}" is not a relative path inside the archive.`);
    if (names.has(entry.name)) throw new Error(`"${entry.name}" is in the archive twice.`);
    names.add(entry.name);
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data) >>> 0;
    const { date, time } = dosDateTime(entry.time);
    if (entry.data.length > 0xfffffffe || offset > 0xfffffffe) throw new Error('The archive would need ZIP64: it is larger than 4 GiB.');

    const fields: EntryFields = { time, date, crc, compressedSize: compressed.length, size: entry.data.length, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, fields);
    local.writeUInt16LE(0, 28);
    parts.push(local, name, compressed);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(MADE_BY, 4);
    writeEntryFields(header, 6, fields);
    // Extra field, comment, disk number, internal attributes: none.
    header.writeUInt32LE(REGULAR_FILE, 38);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  if (entries.length > 0xfffe) throw new Error('The archive would need ZIP64: it has too many files.');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** MS-DOS date and time, local time, two-second resolution; before 1980 is 1980. */
function dosDateTime(when: Date): { date: number; time: number } {
  const year = Math.max(1980, when.getFullYear());
  return {
    date: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | Math.floor(when.getSeconds() / 2),
  };
}

interface EntryFields {
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  nameLength: number;
}

/** The run of fields the local header and the central directory header share, in the same order, from `at`. */
function writeEntryFields(buffer: Buffer, at: number, f: EntryFields): void {
  buffer.writeUInt16LE(VERSION, at);
  buffer.writeUInt16LE(UTF8_NAMES, at + 2);
  buffer.writeUInt16LE(DEFLATE, at + 4);
  buffer.writeUInt16LE(f.time, at + 6);
  buffer.writeUInt16LE(f.date, at + 8);
  buffer.writeUInt32LE(f.crc, at + 10);
  buffer.writeUInt32LE(f.compressedSize, at + 14);
  buffer.writeUInt32LE(f.size, at + 18);
  buffer.writeUInt16LE(f.nameLength, at + 22);
}
