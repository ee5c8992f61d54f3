import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { SettingsFileProblem } from './problems';

export interface XmlElement {
  kind: 'element';
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  line: number;
}
export interface XmlComment {
  kind: 'comment';
  text: string;
  line: number;
}
export interface XmlText {
  kind: 'text';
  text: string;
}
export type XmlNode = XmlElement | XmlComment | XmlText;

/**
 * Parses a small configuration document safely and keeps what the settings files need: elements with their
 * attributes and line, comments, text. A DOCTYPE is refused outright: configuration files never need one, and it is
 * where external entities (XXE) and entity expansion bombs live. fast-xml-parser's own expansion limits stay on.
 */
export function parseXml(text: string, file: string): { root: XmlElement; prolog: XmlComment[] } | SettingsFileProblem {
  if (text.trim() === '') return error(file, undefined, 'is empty: an ss-settings.xml holds a <Settings> element with one element per parameter.');
  const marks = scanMarks(text);
  const doctype = marks.find((m) => m.kind === 'declaration');
  if (doctype) {
    return error(
      file,
      doctype.line,
      'has a <!DOCTYPE> (document type declaration). Settings files never need one, and it can pull in other files or expand without bound, so the file is refused. Remove the <!DOCTYPE …> block.',
    );
  }
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    const lastLine = text.trimEnd().split('\n').length;
    return error(file, line, `is not well-formed XML (line ${line}, column ${col}): ${msg}${line >= lastLine ? ' The file may be cut short.' : ''}`);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    commentPropName: '#comment',
    ignoreDeclaration: true,
    ignorePiTags: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: { enabled: true, maxTotalExpansions: 1000, maxExpandedLength: 100_000, maxEntityCount: 0 },
    // XML's five named entities plus numeric references (&#x41;), nothing from HTML. The typings say boolean, but
    // fast-xml-parser 5 takes the entity table as an object here.
    ...({ htmlEntities: { amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' } } as object),
  });
  let tree: unknown[];
  try {
    tree = parser.parse(text) as unknown[];
  } catch (err) {
    return error(file, undefined, `cannot be read as XML: ${err instanceof Error ? err.message : String(err)}`);
  }
  const cursor = { elements: marks.filter((m) => m.kind === 'element'), comments: marks.filter((m) => m.kind === 'comment'), e: 0, c: 0 };
  const nodes = convert(tree, cursor);
  const roots = nodes.filter((n): n is XmlElement => n.kind === 'element');
  if (roots.length !== 1) return error(file, undefined, 'has no root element.');
  return { root: roots[0], prolog: nodes.filter((n): n is XmlComment => n.kind === 'comment') };
}

function error(file: string, line: number | undefined, message: string): SettingsFileProblem {
  return { file, ...(line !== undefined ? { line } : {}), severity: 'error', message };
}

interface Mark {
  kind: 'element' | 'comment' | 'declaration';
  name?: string;
  line: number;
}

/**
 * Start tags and comments in document order, with their lines: the parser gives neither lines nor offsets. In
 * well-formed XML every "<" outside comments, CDATA and processing instructions opens a tag, so this stays simple.
 */
function scanMarks(text: string): Mark[] {
  const marks: Mark[] = [];
  let line = 1;
  let lineCountedTo = 0;
  const lineOf = (index: number) => {
    for (; lineCountedTo < index; lineCountedTo++) if (text.charCodeAt(lineCountedTo) === 10) line++;
    return line;
  };
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length) {
    let end: number;
    if (text.startsWith('<!--', i)) {
      marks.push({ kind: 'comment', line: lineOf(i) });
      end = text.indexOf('-->', i + 4) + 3;
    } else if (text.startsWith('<![CDATA[', i)) {
      end = text.indexOf(']]>', i) + 3;
    } else if (text.startsWith('<?', i)) {
      end = text.indexOf('?>', i) + 2;
    } else if (text.startsWith('<!', i)) {
      marks.push({ kind: 'declaration', line: lineOf(i) });
      end = i + 2;
    } else {
      if (text[i + 1] !== '/') marks.push({ kind: 'element', name: /^<([^\s/>]+)/.exec(text.slice(i, i + 300))?.[1], line: lineOf(i) });
      end = i + 1;
    }
    if (end < i + 1) break; // an unterminated comment or CDATA: the validator reports it
    i = text.indexOf('<', end);
  }
  return marks;
}

type Cursor = { elements: Mark[]; comments: Mark[]; e: number; c: number };

function convert(items: unknown[], cursor: Cursor): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const item of items) {
    const record = item as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (key === ':@') continue;
      if (key === '#text') {
        nodes.push({ kind: 'text', text: String(value) });
      } else if (key === '#comment') {
        const parts = (value as { '#text'?: unknown }[]).map((p) => String(p['#text'] ?? ''));
        nodes.push({ kind: 'comment', text: parts.join(''), line: cursor.comments[cursor.c++]?.line ?? 0 });
      } else {
        const line = cursor.elements[cursor.e++]?.line ?? 0;
        const attributes = Object.fromEntries(Object.entries((record[':@'] ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
        nodes.push({ kind: 'element', name: key, attributes, line, children: convert(value as unknown[], cursor) });
      }
    }
  }
  return nodes;
}

