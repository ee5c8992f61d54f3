import type { NodePath } from './node-path';
import { byteOffset, decodeText, encodeText, type DecodedText } from './text-encoding';
import { escapeXmlAttribute, locateAttributes, type AttributeSpot } from './xml-attributes';

/**
 * The values of an application's configuration file at the manifest's node locations, read and replaced at the
 * byte level: an edit changes exactly the bytes of the values it names, in the file's own encoding, so that writing
 * back the previous values gives back the very same file.
 */
export class ConfigFileError extends Error {}

export interface ConfigFileValues {
  decoded: DecodedText;
  spots: AttributeSpot[];
}

/** Every node's attribute, or a ConfigFileError naming the file and the first node that is not there. */
export function readConfigValues(bytes: Buffer, file: string, paths: NodePath[]): ConfigFileValues {
  let decoded: DecodedText;
  let located;
  try {
    decoded = decodeText(bytes, file);
    located = locateAttributes(decoded.text, file, paths);
  } catch (err) {
    throw new ConfigFileError((err as Error).message);
  }
  const spots = located.map((l) => {
    if (!l.found) throw new ConfigFileError(`${l.why}.`);
    return l.spot;
  });
  return { decoded, spots };
}

/** One node's new content as written between its quotes (raw: entities and all). */
export interface RawEdit {
  index: number;
  raw: string;
}

export function replaceRawValues(bytes: Buffer, found: ConfigFileValues, edits: RawEdit[]): Buffer {
  const ordered = [...edits].sort((a, b) => found.spots[b.index].start - found.spots[a.index].start);
  let out = bytes;
  for (const edit of ordered) {
    const spot = found.spots[edit.index];
    const from = byteOffset(found.decoded, spot.start);
    const to = byteOffset(found.decoded, spot.end);
    out = Buffer.concat([out.subarray(0, from), encodeText(edit.raw, found.decoded.encoding), out.subarray(to)]);
  }
  return out;
}

/** The raw text that writes `value` into the node's attribute, with the quote the file already uses there. */
export function rawFor(spot: AttributeSpot, value: string): string {
  return spot.raw !== '' && spot.value === value ? spot.raw : escapeXmlAttribute(value, spot.quote);
}
