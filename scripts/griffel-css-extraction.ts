import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  defaultCompareMediaQueries,
  normalizeCSSBucketEntry,
  reduceToClassNameForSlots,
  SEQUENCE_HASH_LENGTH,
  SEQUENCE_PREFIX,
  styleBucketOrdering,
  type CSSClassesMapBySlot,
  type CSSRulesByBucket,
  type StyleBucketName,
} from '@griffel/core';
import type { Plugin } from 'vite';

/**
 * Griffel's CSS extraction for Vite. Fluent UI ships its styles precompiled (`__styles(classes, cssRules)`), and at
 * run time Griffel inserts those rules into style sheets, one rule at a time, as each component first renders: on the
 * first page that was a large part of our start. This plugin takes the rules out of the JavaScript at build time
 * (`__styles` becomes `__css`, which only maps classes) and appends them, ordered as Griffel's style buckets order
 * them, to the entry's style sheet. A call whose rules are not plain literals is left to the run time.
 *
 * `__styles` calls also get their classes' left-to-right sequence hashes, worked out here, so that the first render
 * of each component does not hash them (renderer/griffel-precomputed-css.ts).
 */

/** The run time of `__styles` with its hashes precomputed, imported by the rewritten modules. */
export const PRECOMPUTED_CSS_MODULE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../renderer/griffel-precomputed-css.ts');

/**
 * Each slot's left-to-right sequence hash, as Griffel's production run time computes it when the component first
 * renders: outside production (this process, under a test runner) Griffel appends a debug part, which goes.
 */
export function sequenceHashes(classesMapBySlot: CSSClassesMapBySlot<string>): Record<string, string> {
  const slots = reduceToClassNameForSlots(classesMapBySlot, 'ltr');
  return Object.fromEntries(Object.entries(slots).map(([slot, classes]) => [slot, classes.slice(0, classes ? SEQUENCE_PREFIX.length + SEQUENCE_HASH_LENGTH : 0)]));
}

type Kind = '__styles' | '__resetStyles' | '__staticStyles';
const REPLACEMENT: Record<Kind, string> = { __styles: '__griffelCSS', __resetStyles: '__griffelResetCSS', __staticStyles: '__griffelStaticCSS' };
const PRECOMPUTED = '__griffelPrecomputedCSS';
const IMPORT_OF: Record<Kind, string> = { __styles: '__css', __resetStyles: '__resetCSS', __staticStyles: '__staticCSS' };
/** The argument that holds the rules: __styles(classes, rules), __resetStyles(ltr, rtl, rules), __staticStyles(rules). */
const RULES_ARGUMENT: Record<Kind, number> = { __styles: 1, __resetStyles: 2, __staticStyles: 0 };
const GRIFFEL_SOURCES = new Set(['@griffel/react', '@griffel/core']);

/* The subset of ESTree this plugin reads. */
interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const NOT_LITERAL = Symbol('not a literal');

/** The value of an expression made only of strings, numbers, arrays and plain objects; NOT_LITERAL otherwise. */
function literalValue(node: Node): unknown {
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' || typeof node.value === 'number' || node.value === null ? node.value : NOT_LITERAL;
    case 'UnaryExpression': {
      // Priorities are negative numbers: { p: -1 }.
      const argument = node.argument as Node;
      return node.operator === '-' && argument.type === 'Literal' && typeof argument.value === 'number' ? -argument.value : NOT_LITERAL;
    }
    case 'TemplateLiteral': {
      const quasis = node.quasis as { value: { cooked: string } }[];
      return (node.expressions as Node[]).length === 0 ? quasis[0].value.cooked : NOT_LITERAL;
    }
    case 'ArrayExpression': {
      const values = (node.elements as (Node | null)[]).map((e) => (e === null || e.type === 'SpreadElement' ? NOT_LITERAL : literalValue(e)));
      return values.includes(NOT_LITERAL) ? NOT_LITERAL : values;
    }
    case 'ObjectExpression': {
      const result: Record<string, unknown> = {};
      for (const p of node.properties as Node[]) {
        if (p.type !== 'Property' || p.computed || p.method || p.kind !== 'init') return NOT_LITERAL;
        const key = p.key as Node;
        const name = key.type === 'Identifier' ? (key.name as string) : key.type === 'Literal' ? String(key.value) : null;
        const value = literalValue(p.value as Node);
        if (name === null || value === NOT_LITERAL) return NOT_LITERAL;
        result[name] = value;
      }
      return result;
    }
    default:
      return NOT_LITERAL;
  }
}

function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (node === null || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
  visit(node as Node);
  for (const [key, value] of Object.entries(node)) if (key !== 'type' && value !== null && typeof value === 'object') walk(value, visit);
}

function addRules(into: CSSRulesByBucket, rules: CSSRulesByBucket): void {
  for (const [bucket, entries] of Object.entries(rules) as [StyleBucketName, NonNullable<CSSRulesByBucket[StyleBucketName]>][]) {
    into[bucket] = [...(into[bucket] ?? []), ...entries];
  }
}

export interface ExtractedModule {
  code: string;
  rules: CSSRulesByBucket;
  /** Calls left to the run time because their rules were not plain literals. */
  skipped: number;
}

/** Rewrites one module's Griffel calls; null when it has none. `parse` is the bundler's ESTree parser. */
export function extractModule(code: string, parse: (code: string) => Node): ExtractedModule | null {
  if (!code.includes('__styles') && !code.includes('__resetStyles') && !code.includes('__staticStyles')) return null;
  const program = parse(code);
  const locals = new Map<string, Kind>();
  for (const statement of program.body as Node[]) {
    if (statement.type !== 'ImportDeclaration' || !GRIFFEL_SOURCES.has((statement.source as Node).value as string)) continue;
    for (const s of statement.specifiers as Node[]) {
      const imported = s.type === 'ImportSpecifier' ? ((s.imported as Node).name as string) : '';
      if (imported in REPLACEMENT) locals.set((s.local as Node).name as string, imported as Kind);
    }
  }
  if (locals.size === 0) return null;

  const edits: { start: number; end: number; text: string }[] = [];
  const rules: CSSRulesByBucket = {};
  const used = new Set<Kind>();
  let precomputed = false;
  let skipped = 0;
  walk(program, (node) => {
    if (node.type !== 'CallExpression') return;
    const callee = node.callee as Node;
    const kind = callee.type === 'Identifier' ? locals.get(callee.name as string) : undefined;
    if (!kind) return;
    const args = node.arguments as Node[];
    const index = RULES_ARGUMENT[kind];
    const value = args.length === index + 1 ? literalValue(args[index]) : NOT_LITERAL;
    if (value === NOT_LITERAL) {
      skipped++;
      return;
    }
    addRules(rules, Array.isArray(value) ? { r: value as string[] } : (value as CSSRulesByBucket));
    const classes = kind === '__styles' ? literalValue(args[0]) : NOT_LITERAL;
    // The rules argument goes, with the comma before it; a plain class map gets its hashes in its place.
    const removed = { start: index === 0 ? args[0].start : args[index - 1].end, end: args[index].end };
    if (classes !== NOT_LITERAL) {
      precomputed = true;
      edits.push({ start: callee.start, end: callee.end, text: PRECOMPUTED });
      edits.push({ ...removed, text: `, ${JSON.stringify(sequenceHashes(classes as CSSClassesMapBySlot<string>))}` });
      return;
    }
    used.add(kind);
    edits.push({ start: callee.start, end: callee.end, text: REPLACEMENT[kind] });
    edits.push({ ...removed, text: '' });
  });
  if (edits.length === 0) return { code, rules, skipped };

  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  const imports = [
    ...(used.size ? [`import { ${[...used].map((k) => `${IMPORT_OF[k]} as ${REPLACEMENT[k]}`).join(', ')} } from '@griffel/react';\n`] : []),
    ...(precomputed ? [`import { precomputedCss as ${PRECOMPUTED} } from ${JSON.stringify(PRECOMPUTED_CSS_MODULE)};\n`] : []),
  ];
  return { code: `${imports.join('')}${out}`, rules, skipped };
}

/** Every rule once, in the order Griffel's run time would give them: by style bucket, priority, then media query. */
export function sortedCss(modules: CSSRulesByBucket[]): string {
  const bucketRank = new Map(styleBucketOrdering.map((b, i) => [b, i]));
  const unique = new Map<string, { rule: string; bucket: number; priority: number; media: string; order: number }>();
  for (const rules of modules) {
    for (const [bucket, entries] of Object.entries(rules) as [StyleBucketName, NonNullable<CSSRulesByBucket[StyleBucketName]>][]) {
      for (const entry of entries) {
        const [rule, meta] = normalizeCSSBucketEntry(entry);
        if (!unique.has(rule)) {
          unique.set(rule, { rule, bucket: bucketRank.get(bucket) ?? 0, priority: (meta?.p as number) ?? 0, media: (meta?.m as string) ?? '', order: unique.size });
        }
      }
    }
  }
  return [...unique.values()]
    .sort((a, b) => defaultCompareMediaQueries(a.media, b.media) || a.bucket - b.bucket || a.priority - b.priority || a.order - b.order)
    .map((r) => r.rule)
    .join('');
}

export function griffelCssExtraction(): Plugin {
  const rulesByModule = new Map<string, CSSRulesByBucket>();
  let skipped = 0;
  return {
    name: 'cdx:griffel-css-extraction',
    apply: 'build',
    buildStart() {
      rulesByModule.clear();
      skipped = 0;
    },
    transform(code, id) {
      if (!/\.[cm]?js$/.test(id.split('?')[0])) return null;
      const result = extractModule(code, (c) => this.parse(c) as unknown as Node);
      if (!result) return null;
      skipped += result.skipped;
      rulesByModule.set(id, result.rules);
      return { code: result.code, map: null };
    },
    generateBundle(_options, bundle) {
      const included = new Set(Object.values(bundle).flatMap((o) => (o.type === 'chunk' ? o.moduleIds : [])));
      const css = sortedCss([...rulesByModule].filter(([id]) => included.has(id)).map(([, rules]) => rules));
      const entry = Object.values(bundle).find((o) => o.type === 'chunk' && o.isEntry);
      const sheet = entry?.type === 'chunk' ? [...(entry.viteMetadata?.importedCss ?? [])][0] : undefined;
      const asset = sheet ? bundle[sheet] : undefined;
      if (!asset || asset.type !== 'asset') {
        this.error('Griffel CSS extraction: the entry has no style sheet to append the extracted rules to (import a .css file from it).');
      }
      // After the entry's own CSS, as Griffel's run time appended its style elements after the page's style sheet.
      asset.source = `${String(asset.source)}\n${css}`;
      if (skipped > 0) this.warn(`Griffel CSS extraction: ${skipped} call(s) with computed rules are left to the run time.`);
    },
  };
}
