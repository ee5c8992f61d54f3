// @vitest-environment happy-dom
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, parseAst, type Plugin } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { reduceToClassNameForSlots, type CSSClassesMapBySlot } from '@griffel/core';
import { extractModule, griffelCssExtraction, PRECOMPUTED_CSS_MODULE, sequenceHashes, sortedCss } from '../../scripts/griffel-css-extraction';
import { precomputedCss } from '../../renderer/griffel-precomputed-css';

/** The plugin's own parser in a build: Vite's ESTree, with start and end offsets. */
const parse = (code: string) => parseAst(code) as never;
const extract = (code: string) => extractModule(code, parse);

const STYLES = `import { __styles } from '@griffel/react';\n`;

describe('one module: what the extraction rewrites', () => {
  it('__styles keeps its class map, loses its rules (returned by bucket) and gets its slots\' hashes in their place', () => {
    const out = extract(`${STYLES}export const useClasses = __styles({ root: { sj55zd: 'fe3e8s9' } }, { d: ['.fe3e8s9{color:red;}'], h: ['.fx:hover{color:blue;}'] });`)!;
    expect(out.rules).toEqual({ d: ['.fe3e8s9{color:red;}'], h: ['.fx:hover{color:blue;}'] });
    expect(out.skipped).toBe(0);
    expect(out.code).toContain(`import { precomputedCss as __griffelPrecomputedCSS } from ${JSON.stringify(PRECOMPUTED_CSS_MODULE)};`);
    const hash = sequenceHashes({ root: { sj55zd: 'fe3e8s9' } }).root;
    expect(hash).toMatch(/^___[0-9a-z]{7}$/);
    expect(out.code).toContain(`__griffelPrecomputedCSS({ root: { sj55zd: 'fe3e8s9' } }, {"root":"${hash}"})`);
    expect(out.code).not.toContain('color:red');
    expect(out.code).not.toMatch(/__styles\(/);
  });

  it('__resetStyles keeps both class names and loses its rules (a list is the reset bucket; buckets stay buckets)', () => {
    const list = extract(`import { __resetStyles } from '@griffel/react';\nexport const useBase = __resetStyles('r1', 'r1-rtl', ['.r1{padding:4px;}', '.r1-rtl{padding:4px;}']);`)!;
    expect(list.rules).toEqual({ r: ['.r1{padding:4px;}', '.r1-rtl{padding:4px;}'] });
    expect(list.code).toContain(`__griffelResetCSS('r1', 'r1-rtl')`);
    expect(list.code).toContain(`import { __resetCSS as __griffelResetCSS } from '@griffel/react';`);
    const buckets = extract(`import { __resetStyles } from '@griffel/react';\n__resetStyles('r2', null, { r: ['.r2{margin:0;}'], s: ['@supports (display:grid){.r2{display:grid;}}'] });`)!;
    expect(buckets.rules).toEqual({ r: ['.r2{margin:0;}'], s: ['@supports (display:grid){.r2{display:grid;}}'] });
    expect(buckets.code).toContain(`__griffelResetCSS('r2', null)`);
  });

  it('__staticStyles (global rules, as Fluent icons font faces) loses its only argument', () => {
    const out = extract(`import { __staticStyles } from '@griffel/react';\nexport const useStatic = __staticStyles({ d: ['@font-face{font-family:"x";src:url(x.woff2);}'] });`)!;
    expect(out.rules).toEqual({ d: ['@font-face{font-family:"x";src:url(x.woff2);}'] });
    expect(out.code).toContain('__griffelStaticCSS()');
  });

  it('keeps what Griffel needs of an entry: priorities (negative too) and media queries', () => {
    const out = extract(`${STYLES}__styles({ a: { x: 'f1' } }, { d: [['.f1{margin:0;}', { p: -1 }]], m: [['@media (min-width: 640px){.f2{margin:4px;}}', { m: '(min-width: 640px)' }]] });`)!;
    expect(out.rules).toEqual({ d: [['.f1{margin:0;}', { p: -1 }]], m: [['@media (min-width: 640px){.f2{margin:4px;}}', { m: '(min-width: 640px)' }]] });
  });

  it('follows the import: an alias is rewritten, and the import names only what the module still uses', () => {
    const out = extract(`import { __styles as s, __resetStyles as r, mergeClasses } from '@griffel/react';\nconst a = s({ root: { x: 'f1' } }, { d: ['.f1{color:red;}'] });\nconst b = r('r1', null, ['.r1{margin:0;}']);`)!;
    expect(out.code).toContain("__griffelPrecomputedCSS({ root: { x: 'f1' } }, {");
    expect(out.code).toContain("__griffelResetCSS('r1', null)");
    expect(out.code).toMatch(/^import \{ __resetCSS as __griffelResetCSS \} from '@griffel\/react';\nimport \{ precomputedCss as __griffelPrecomputedCSS \}/);
    expect(out.code).toContain('mergeClasses');
  });

  it('@griffel/core calls are rewritten to the React bindings, which map classes without a renderer', () => {
    const out = extract(`import { __styles } from '@griffel/core';\n__styles({ root: { x: 'f1' } }, { d: ['.f1{color:red;}'] });`)!;
    expect(out.code).toContain('__griffelPrecomputedCSS({ root: { x');
    const reset = extract(`import { __resetStyles } from '@griffel/core';\n__resetStyles('r1', null, ['.r1{margin:0;}']);`)!;
    expect(reset.code).toContain(`import { __resetCSS as __griffelResetCSS } from '@griffel/react';`);
  });

  it('passes through a module without Griffel calls, one whose __styles is not Griffel, and one that only names it', () => {
    expect(extract(`export const x = 1;`)).toBeNull();
    expect(extract(`import { __styles } from './my-styles';\n__styles({ root: {} }, { d: ['.a{}'] });`)).toBeNull();
    expect(extract(`// __styles is what Fluent ships\nexport const name = '__resetStyles';`)).toBeNull();
  });

  it('leaves a call whose rules are computed to the run time, untouched, and counts it', () => {
    const computed = [
      `__styles({ root: { x: 'f1' } }, rules)`,
      '__styles({ root: { x: \'f1\' } }, { d: [`.f1{color:${color};}`] })',
      `__styles({ root: { x: 'f1' } }, { ...shared, d: ['.f1{color:red;}'] })`,
      `__styles({ root: { x: 'f1' } }, { [bucket]: ['.f1{color:red;}'] })`,
      `__styles({ root: { x: 'f1' } }, { d: [...more] })`,
      `__styles({ root: { x: 'f1' } }, { d: [rule()] })`,
      `__styles({ root: { x: 'f1' } })`,
    ];
    for (const call of computed) {
      const code = `${STYLES}const color = 'red', rules = {}, shared = {}, bucket = 'd', more = [], rule = () => '';\n${call};`;
      const out = extract(code)!;
      expect(out, call).toEqual({ code, rules: {}, skipped: 1 });
    }
  });

  it('in a module with both, rewrites the plain call and leaves the computed one', () => {
    const out = extract(`${STYLES}const c = 'red';\nconst a = __styles({ root: { x: 'f1' } }, { d: ['.f1{margin:0;}'] });\nconst b = __styles({ root: { x: 'f2' } }, { d: [\`.f2{color:\${c};}\`] });`)!;
    expect(out.skipped).toBe(1);
    expect(out.rules).toEqual({ d: ['.f1{margin:0;}'] });
    expect(out.code).toContain("__griffelPrecomputedCSS({ root: { x: 'f1' } }, {");
    expect(out.code).toContain("__styles({ root: { x: 'f2' } }, { d: [`.f2{color:${c};}`] })");
  });
});

describe('the class hashes worked out at build time', () => {
  const classes: CSSClassesMapBySlot<string> = { root: { a: 'f1', b: ['f2', 'f2r'], c: 0 }, icon: { d: 'f3' }, empty: {}, nulls: { e: 0 } };

  it('a __styles whose class map is not a plain literal keeps Griffel\'s own __css, which hashes at run time', () => {
    const out = extract(`${STYLES}const map = {};\n__styles(map, { d: ['.f1{margin:0;}'] });`)!;
    expect(out.code).toContain('__griffelCSS(map)');
    expect(out.code).toContain(`import { __css as __griffelCSS } from '@griffel/react';`);
    expect(out.rules).toEqual({ d: ['.f1{margin:0;}'] });
  });

  it("give the very classes Griffel's run time gives, each way, and register each sequence for mergeClasses", async () => {
    const { renderToString } = await import('react-dom/server');
    const { createElement } = await import('react');
    const { FluentProvider } = await import('@fluentui/react-components');
    const { DEFINITION_LOOKUP_TABLE } = await import('@griffel/core');
    // As in a production build, where Griffel's hashes have no debug part (outside one, Griffel's own __css runs).
    vi.stubEnv('NODE_ENV', 'production');
    const useClasses = precomputedCss(classes, sequenceHashes(classes));
    const seen: Record<string, Record<string, string>> = {};
    const Probe = ({ dir }: { dir: 'ltr' | 'rtl' }) => {
      seen[dir] = useClasses();
      return null;
    };
    for (const dir of ['ltr', 'rtl'] as const) renderToString(createElement(FluentProvider, { dir, theme: {} }, createElement(Probe, { dir })));
    expect(seen.ltr).toEqual(reduceToClassNameForSlots(classes, 'ltr'));
    vi.unstubAllEnvs();
    expect(seen.ltr).toEqual({ root: expect.stringMatching(/^___[0-9a-z]{7} f1 f2$/), icon: expect.stringMatching(/^___[0-9a-z]{7} f3$/), empty: '', nulls: expect.stringMatching(/^___[0-9a-z]{7}$/) });
    expect(seen.rtl.root).toMatch(/ f1 f2r$/);
    expect(DEFINITION_LOOKUP_TABLE[seen.ltr.root.slice(0, 10)]).toEqual([classes.root, 'ltr']);
  });
});

describe('the style sheet: every rule once, in the order Griffel inserts them', () => {
  it('a rule two modules share appears once, where it first came', () => {
    expect(sortedCss([{ d: ['.a{color:red;}', '.b{margin:0;}'] }, { d: ['.b{margin:0;}', '.c{padding:0;}'] }])).toBe('.a{color:red;}.b{margin:0;}.c{padding:0;}');
  });

  it('by bucket, whatever the module order: resets, then plain rules, then hover, focus and active states', () => {
    const css = sortedCss([{ a: ['.act:active{color:red;}'] }, { h: ['.hov:hover{color:blue;}'], d: ['.plain{color:black;}'] }, { r: ['.reset{margin:0;}'] }]);
    expect(css).toBe('.reset{margin:0;}.plain{color:black;}.hov:hover{color:blue;}.act:active{color:red;}');
  });

  it('within a bucket by priority (shorthands, p -1, before longhands), then media queries after the rules without one', () => {
    const css = sortedCss([
      { m: [['@media (min-width: 640px){.wide{margin:4px;}}', { m: '(min-width: 640px)' }]] },
      { d: ['.long{margin-top:0;}', ['.short{margin:0;}', { p: -1 }]] },
    ]);
    expect(css).toBe('.short{margin:0;}.long{margin-top:0;}@media (min-width: 640px){.wide{margin:4px;}}');
  });
});

/** A Vite build of tests/build/griffel-app (Fluent's Button and FluentProvider, our own compiled styles, a lazy chunk). */
interface Built {
  js: string;
  css: string;
  entry: string;
  warnings: string[];
}

async function buildFixture(plugins: Plugin[], root = path.resolve('tests/build/griffel-app')): Promise<Built> {
  // Inside the project (dist/ is not kept): the test runner imports the built bundle, and it loads only files from here.
  mkdirSync(path.resolve('dist'), { recursive: true });
  const outDir = mkdtempSync(path.resolve('dist', 'griffel-test-'));
  outDirs.push(outDir);
  const warnings: string[] = [];
  await build({
    root,
    configFile: false,
    base: './',
    logLevel: 'silent',
    customLogger: { info: () => undefined, warn: (m) => void warnings.push(m), warnOnce: (m) => void warnings.push(m), error: () => undefined, clearScreen: () => undefined, hasErrorLogged: () => false, hasWarned: false },
    plugins,
    // A production build, as ours: Griffel's class hashes have no debug part there.
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { outDir, emptyOutDir: true, target: 'chrome120', minify: false, reportCompressedSize: false, write: true },
  });
  const assets = path.join(outDir, 'assets');
  const files = readdirSync(assets);
  const read = (ext: string) => files.filter((f) => f.endsWith(ext)).map((f) => readFileSync(path.join(assets, f), 'utf8')).join('\n');
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const entry = path.join(outDir, /src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1]);
  return { js: read('.js'), css: read('.css'), entry, warnings };
}

const outDirs: string[] = [];
afterAll(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

let extracted: Built;
let plain: Built;
beforeAll(async () => {
  extracted = await buildFixture([griffelCssExtraction()]);
  plain = await buildFixture([]);
}, 120_000);

describe('in a build', () => {
  it("moves our and Fluent UI's rules out of the JavaScript into the entry's style sheet, after its own rules", () => {
    for (const rule of ['.fnotice1{color:red;}', '.fnotice2{font-weight:600;}', '.fnotice3:hover{color:blue;}', '.rnotice{padding:4px;}']) {
      expect(extracted.css, rule).toContain(rule);
      expect(extracted.js, rule).not.toContain(rule);
      // Without it, the rules ship in the JavaScript for Griffel to insert at run time.
      expect(plain.js, rule).toContain(rule);
      expect(plain.css, rule).not.toContain(rule);
    }
    expect(extracted.css.indexOf('body')).toBeLessThan(extracted.css.indexOf('.rnotice{'));
    // Fluent's Button (its reset class, fui-Button is its static name) and FluentProvider: extracted too.
    expect(extracted.css).toMatch(/\.r[0-9a-z]+\{[^}]*align-items:center/);
  });

  it("puts a lazy chunk's rules in the entry's sheet too: the chunk inserts nothing when it arrives", () => {
    expect(extracted.css).toContain('.flater1{margin-top:8px;}');
    expect(extracted.js).not.toContain('.flater1{margin-top:8px;}');
  });

  it('leaves a computed rule in the JavaScript, and says how many were left', () => {
    expect(extracted.js).toMatch(/`\.faccent1\{background-color:\$\{/);
    expect(extracted.css).not.toContain('faccent1');
    expect(extracted.warnings.join('\n')).toMatch(/Griffel CSS extraction: [1-9]\d* call\(s\) with computed rules are left to the run time/);
  });

  it('refuses an entry with no style sheet of its own to append to', async () => {
    const root = mkdtempSync(path.resolve('dist', 'griffel-no-css-'));
    try {
      writeFileSync(path.join(root, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
      writeFileSync(path.join(root, 'main.js'), `import { __styles } from '@griffel/react';\nexport const u = __styles({ root: { x: 'f1' } }, { d: ['.f1{color:red;}'] });\n`);
      await expect(buildFixture([griffelCssExtraction()], root)).rejects.toThrow(/the entry has no style sheet to append the extracted rules to/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('at run time (the built bundle rendered in a DOM)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  let extractedClasses: string[] = [];

  /** Renders a build's app and returns the rules Griffel inserted into the document while it did. */
  async function renderBuilt(built: Built): Promise<string[]> {
    const inserted: string[] = [];
    const insertRule = CSSStyleSheet.prototype.insertRule;
    vi.spyOn(CSSStyleSheet.prototype, 'insertRule').mockImplementation(function (this: CSSStyleSheet, rule: string, index?: number) {
      inserted.push(rule);
      return insertRule.call(this, rule, index);
    });
    await import(/* @vite-ignore */ built.entry);
    const fixture = (window as unknown as { griffelFixture: { render(el: Element): void } }).griffelFixture;
    const root = document.createElement('div');
    document.body.append(root);
    fixture.render(root);
    await vi.waitFor(() => expect(document.querySelector('#notice')).not.toBeNull());
    return inserted;
  }

  it('with the extraction, the page gets the same classes and nothing the style sheet has is inserted again', async () => {
    const inserted = await renderBuilt(extracted);
    extractedClasses = [...document.querySelectorAll('#notice, button')].map((e) => e.className);
    expect(document.querySelector('#notice')!.className.split(' ')).toEqual(expect.arrayContaining(['rnotice', 'fnotice1', 'fnotice2', 'faccent1']));
    expect(document.querySelector('button')!.className).toContain('fui-Button');
    // The computed rule is Griffel's to insert, as before.
    expect(inserted.some((r) => r.includes('faccent1'))).toBe(true);
    expect(inserted.filter((r) => extracted.css.includes(r))).toEqual([]);
    // What is left to the run time: that rule and FluentProvider's theme variables (a style tag of its own).
    expect(inserted.filter((r) => !r.includes('faccent1') && !r.startsWith('.fui-FluentProvider'))).toEqual([]);
  });

  it("without it, Griffel inserts every rule of Fluent's Button and ours one at a time as they render", async () => {
    const inserted = await renderBuilt(plain);
    expect(document.querySelector('#notice')!.className.split(' ')).toEqual(expect.arrayContaining(['rnotice', 'fnotice1', 'fnotice2', 'faccent1']));
    // The extracted build's class names, sequence hashes (worked out at build time) and all, are these.
    expect(extractedClasses).toEqual([...document.querySelectorAll('#notice, button')].map((e) => e.className));
    for (const rule of ['.fnotice1{color:red;}', '.rnotice{padding:4px;}']) expect(inserted).toContain(rule);
    expect(inserted.length).toBeGreaterThan(50);
  });
});
