import type { NodePath } from './node-path';

/**
 * Finds attribute values in XML text without rebuilding the document: a scan that knows comments, CDATA, processing
 * instructions, start and end tags, and records where each attribute's value sits, so that an edit replaces exactly
 * those characters and leaves every other byte (comments, whitespace, attribute order, line ends) as it was.
 */
export interface AttributeSpot {
  /** Character offsets of the value between its quotes in the decoded text. */
  start: number;
  end: number;
  quote: '"' | "'";
  /** The value as written, entities and all. */
  raw: string;
  /** The value as XML reads it. */
  value: string;
}

export class XmlScanError extends Error {}

interface ScannedAttribute extends AttributeSpot {
  name: string;
}

interface OpenElement {
  name: string;
  attributes: ScannedAttribute[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(raw: string): string {
  return raw.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const known = ENTITIES[ref];
    if (known === undefined) throw new XmlScanError(`The entity ${whole} is not one of XML's own, so the value cannot be read.`);
    return known;
  });
}

/** A value as it must be written between the given quotes; line breaks and tabs as references, as XML keeps them. */
export function escapeXmlAttribute(value: string, quote: '"' | "'"): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(quote === '"' ? /"/g : /'/g, quote === '"' ? '&quot;' : '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

const NAME_CHAR = /[A-Za-z0-9_.:\-\u00B7\u00C0-\uFFFF]/;

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/**
 * Every element of the text, with its ancestors, in document order. `visit` is called for each start tag (empty
 * elements included) with the chain from the root to it.
 */
function scan(text: string, file: string, visit: (chain: OpenElement[]) => void): void {
  const stack: OpenElement[] = [];
  const fail = (index: number, why: string) => new XmlScanError(`${file}, line ${lineOf(text, index)}: ${why}`);
  let i = 0;
  const skipTo = (from: number, end: string, what: string) => {
    const at = text.indexOf(end, from);
    if (at < 0) throw fail(from, `${what} is not closed`);
    return at + end.length;
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) i = skipTo(lt + 4, '-->', 'a comment');
    else if (text.startsWith('<![CDATA[', lt)) i = skipTo(lt + 9, ']]>', 'a CDATA section');
    else if (text.startsWith('<?', lt)) i = skipTo(lt + 2, '?>', 'a processing instruction');
    else if (text.startsWith('<!', lt)) throw fail(lt, 'has a document type declaration (<!DOCTYPE…>), which Setup does not edit');
    else if (text.startsWith('</', lt)) {
      let j = lt + 2;
      while (j < text.length && NAME_CHAR.test(text[j])) j++;
      const name = text.slice(lt + 2, j);
      const close = text.indexOf('>', j);
      if (close < 0 || text.slice(j, close).trim() !== '') throw fail(lt, `the end tag </${name}> is not well-formed`);
      const open = stack.pop();
      if (!open || open.name !== name) throw fail(lt, `the end tag </${name}> does not close ${open ? `<${open.name}>` : 'an open element'}`);
      i = close + 1;
    } else {
      let j = lt + 1;
      while (j < text.length && NAME_CHAR.test(text[j])) j++;
      const name = text.slice(lt + 1, j);
      if (!name) throw fail(lt, 'a "<" does not start a tag');
      const attributes: ScannedAttribute[] = [];
      let selfClosing = false;
      for (;;) {
        while (j < text.length && /\s/.test(text[j])) j++;
        if (text[j] === '>') {
          j++;
          break;
        }
        if (text.startsWith('/>', j)) {
          selfClosing = true;
          j += 2;
          break;
        }
        const nameStart = j;
        while (j < text.length && NAME_CHAR.test(text[j])) j++;
        const attribute = text.slice(nameStart, j);
        if (!attribute) throw fail(j, `the tag <${name}> is not well-formed`);
        while (/\s/.test(text[j] ?? '')) j++;
        if (text[j] !== '=') throw fail(j, `the attribute ${attribute} of <${name}> has no value`);
        j++;
        while (/\s/.test(text[j] ?? '')) j++;
        const quote = text[j];
        if (quote !== '"' && quote !== "'") throw fail(j, `the value of ${attribute} in <${name}> is not quoted`);
        const end = text.indexOf(quote, j + 1);
        if (end < 0) throw fail(j, `the value of ${attribute} in <${name}> is not closed`);
        const raw = text.slice(j + 1, end);
        if (raw.includes('<')) throw fail(j, `the value of ${attribute} in <${name}> contains "<"`);
        if (attributes.some((a) => a.name === attribute)) throw fail(nameStart, `<${name}> has the attribute ${attribute} twice`);
        attributes.push({ name: attribute, start: j + 1, end, quote, raw, value: unescapeXml(raw) });
        j = end + 1;
      }
      const element = { name, attributes };
      visit([...stack, element]);
      if (!selfClosing) stack.push(element);
      i = j;
    }
  }
  if (stack.length > 0) throw new XmlScanError(`${file}: the element <${stack[stack.length - 1].name}> is not closed.`);
}

function matches(chain: OpenElement[], path: NodePath): boolean {
  if (chain.length !== path.elements.length) return false;
  return path.elements.every((step, depth) => {
    const element = chain[depth];
    return element.name === step.name && step.conditions.every((c) => element.attributes.some((a) => a.name === c.attribute && a.value === c.value));
  });
}

export type Located = { found: true; spot: AttributeSpot } | { found: false; why: string };

/** Where each node's attribute value is; exactly one match each, or why not. */
export function locateAttributes(text: string, file: string, paths: NodePath[]): Located[] {
  const hits: { elements: number; spots: AttributeSpot[] }[] = paths.map(() => ({ elements: 0, spots: [] }));
  scan(text, file, (chain) => {
    paths.forEach((p, n) => {
      if (!matches(chain, p)) return;
      hits[n].elements++;
      const attribute = chain[chain.length - 1].attributes.find((a) => a.name === p.attribute);
      if (attribute) hits[n].spots.push({ start: attribute.start, end: attribute.end, quote: attribute.quote, raw: attribute.raw, value: attribute.value });
    });
  });
  return hits.map((hit, n): Located => {
    const p = paths[n];
    if (hit.elements === 0) return { found: false, why: `${file} has no element at ${p.text}` };
    if (hit.elements > 1) return { found: false, why: `${file} has ${hit.elements} elements that match ${p.text}; the location must name exactly one` };
    const [spot] = hit.spots;
    if (!spot) return { found: false, why: `${file} has the element of ${p.text} but without its attribute ${p.attribute}` };
    return { found: true, spot };
  });
}
