/**
 * Where a configuration value lives in an XML file, written as a small XPath: element steps from the root, each with
 * optional `[@attribute='value']` conditions, ending in the attribute that holds the value, e.g.
 * `/configuration/connectionStrings/add[@name='HQMessageDatabase']/@connectionString`. Only this form is accepted: it
 * names exactly one attribute, and a file can be searched for it without a full XML parser (which would not give the
 * bytes back as they were).
 */
export interface NodeStep {
  name: string;
  conditions: { attribute: string; value: string }[];
}

export interface NodePath {
  /** As written in the manifest, for messages. */
  text: string;
  elements: NodeStep[];
  attribute: string;
}

export class NodePathError extends Error {}

const NAME = '[A-Za-z_][A-Za-z0-9_.:-]*';
const CONDITION = new RegExp(`\\[@(${NAME})=(?:'([^']*)'|"([^"]*)")\\]`, 'g');
const STEP = new RegExp(`^(${NAME})((?:\\[@${NAME}=(?:'[^']*'|"[^"]*")\\])*)$`);

/** Splits on the slashes that are outside quotes. */
function steps(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '/') {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

export function parseNodePath(text: string): NodePath {
  const bad = (why: string) => new NodePathError(`The configuration node location "${text}" ${why}; write it as /element/element[@name='value']/@attribute.`);
  if (!text.startsWith('/')) throw bad('does not start at the root (/)');
  const parts = steps(text.slice(1));
  const last = parts.pop() ?? '';
  if (!new RegExp(`^@${NAME}$`).test(last)) throw bad('does not end in an attribute (/@name)');
  if (parts.length === 0) throw bad('names no element');
  const elements = parts.map((part): NodeStep => {
    const m = STEP.exec(part);
    if (!m) throw bad(`has a step "${part}" that is not an element name with [@attribute='value'] conditions`);
    const conditions = [...m[2].matchAll(CONDITION)].map((c) => ({ attribute: c[1], value: c[2] ?? c[3] }));
    return { name: m[1], conditions };
  });
  return { text, elements, attribute: last.slice(1) };
}
