import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

/**
 * The layering rule, as VS Code's code-layering lint rule does it: each layer may import only from the layers below.
 *   shared/    → shared only, and zod; no Node, no Electron
 *   renderer/  → renderer, shared, browser packages, the product's images in build/; no Node, no Electron, no
 *                engine, no zod
 *   electron/engine, cli, console → themselves, shared, packages; never 'electron', never renderer/ or the shell
 *   electron/main, preload → the engine and shared, and 'electron'
 * and, inside the engine, one door: the front ends (cli, console, shell) plan, install, resume, roll back and
 * uninstall through the install service (electron/engine/install/), never the executor or the plan directly;
 * and components are modules: a component's folders (shared/components/<id>/, electron/engine/components/<id>/,
 * renderer/component-pages/<id>/) are imported only from the component's own folders and from the registries, so
 * the frame names no component; and no two modules import each other, even for types and through others (a cycle
 * makes evaluation order matter and says that a type lives in the wrong module). Dynamic `import()` (a lazy view)
 * does not count: it runs after both modules are evaluated.
 */
export interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule: string;
}

type Layer = 'shared' | 'renderer' | 'engine' | 'cli' | 'console' | 'shell' | 'other';

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const IMPORT = /(?:^|[^\w.])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*['"]([^'"]+)['"]|(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

function layerOf(rel: string): Layer {
  const p = rel.split(path.sep).join('/');
  if (p.startsWith('shared/')) return 'shared';
  if (p.startsWith('renderer/')) return 'renderer';
  if (p.startsWith('electron/engine/')) return 'engine';
  if (p.startsWith('electron/cli/')) return 'cli';
  if (p.startsWith('electron/console/')) return 'console';
  if (p.startsWith('electron/main/') || p.startsWith('electron/preload/')) return 'shell';
  return 'other';
}

const ALLOWED: Record<Layer, Layer[]> = {
  shared: ['shared'],
  renderer: ['renderer', 'shared'],
  engine: ['engine', 'shared'],
  console: ['console', 'engine', 'shared'],
  cli: ['cli', 'console', 'engine', 'shared'],
  shell: ['shell', 'engine', 'shared'],
  other: ['shared', 'renderer', 'engine', 'cli', 'console', 'shell', 'other'],
};

const FRONT_DOORS: Layer[] = ['cli', 'console', 'shell'];
/** Engine folders only the install service may use: a front end importing them would write its own rules again. */
const BEHIND_THE_DOOR = ['electron/engine/executor/', 'electron/engine/plan/'];

/** Where components live; a folder under one of these is a component's (its name is the component's id). */
const COMPONENT_ROOTS = ['shared/components/', 'electron/engine/components/', 'renderer/component-pages/'];
const REGISTRIES = COMPONENT_ROOTS.map((r) => `${r}registry.ts`);

/** The component whose folder `p` is in, or null. */
function componentOf(p: string): string | null {
  for (const root of COMPONENT_ROOTS) {
    if (!p.startsWith(root)) continue;
    const rest = p.slice(root.length).split('/');
    return rest.length > 1 ? rest[0] : null;
  }
  return null;
}

/** The product's images in build/ (its icon), which the window's tab shows as electron-builder packages them: files, not code. */
function isProductImage(targetPath: string): boolean {
  return /^build\/[^/]+\.(svg|png)(\?[a-z-]+)?$/.test(targetPath);
}

function isNodeBuiltin(spec: string): boolean {
  return NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]);
}

export function checkFile(root: string, file: string, source: string): Violation[] {
  const rel = path.relative(root, file);
  const layer = layerOf(rel);
  if (layer === 'other') return [];
  const violations: Violation[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2] ?? match[3];
    const line = source.slice(0, match.index + match[0].lastIndexOf(spec)).split('\n').length;
    const add = (rule: string) => violations.push({ file: rel, line, specifier: spec, rule });
    if (spec.startsWith('.')) {
      const targetPath = path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep).join('/');
      const target = layerOf(targetPath);
      const relPath = rel.split(path.sep).join('/');
      const named = componentOf(targetPath);
      if (named && componentOf(relPath) !== named && !REGISTRIES.includes(relPath)) {
        add(`only the component ${named} itself and the registries may import its folder: reach it through shared/components/registry.ts or electron/engine/components/registry.ts`);
      }
      if (layer === 'renderer' && isProductImage(targetPath)) continue;
      if (!ALLOWED[layer].includes(target)) add(`${layer} must not import from ${target}`);
      else if (FRONT_DOORS.includes(layer) && BEHIND_THE_DOOR.some((dir) => `${targetPath}/`.startsWith(dir))) {
        add(`${layer} must go through the install service (electron/engine/install), not import ${targetPath.split('/').slice(0, 3).join('/')} directly`);
      }
      continue;
    }
    if (spec === 'electron' || spec.startsWith('electron/')) {
      if (layer !== 'shell') add(`only electron/main and electron/preload may import 'electron' (${layer} must run without it)`);
      continue;
    }
    if (isNodeBuiltin(spec)) {
      if (layer === 'shared' || layer === 'renderer') add(`${layer} must not import Node built-ins`);
      continue;
    }
    if (layer === 'shared' && spec !== 'zod') add("shared may import no package but 'zod'");
    // The engine checks every request; the renderer's bundle stays free of the schema library.
    if (layer === 'renderer' && spec === 'zod') add('renderer must not import zod');
  }
  return violations;
}

/** The file a relative import names, as TypeScript resolves it here (null: not a source file of ours). */
function resolveImport(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every cycle of static imports among `sources`, one violation each, at the import that closes it. */
export function importCycles(root: string, sources: Map<string, string>): Violation[] {
  const edges = new Map<string, { target: string; line: number; specifier: string }[]>();
  for (const [file, source] of sources) {
    const list: { target: string; line: number; specifier: string }[] = [];
    for (const match of source.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2];
      if (!spec?.startsWith('.')) continue;
      const target = resolveImport(file, spec);
      if (target && sources.has(target)) list.push({ target, specifier: spec, line: source.slice(0, match.index + match[0].lastIndexOf(spec)).split('\n').length });
    }
    edges.set(file, list);
  }
  // Depth first: an edge back to a module still on the path closes a cycle.
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const violations: Violation[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    trail.push(file);
    for (const edge of edges.get(file) ?? []) {
      if (state.get(edge.target) === 'open') {
        const cycle = [...trail.slice(trail.indexOf(edge.target)), edge.target].map((f) => path.relative(root, f).split(path.sep).join('/'));
        violations.push({ file: path.relative(root, file), line: edge.line, specifier: edge.specifier, rule: `import cycle: ${cycle.join(' → ')}` });
      } else if (!state.has(edge.target)) visit(edge.target);
    }
    trail.pop();
    state.set(file, 'done');
  };
  for (const file of [...sources.keys()].sort()) if (!state.has(file)) visit(file);
  return violations;
}

export function checkTree(root: string): Violation[] {
  const violations: Violation[] = [];
  const sources = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx|mts|cts)$/.test(name)) {
        const source = readFileSync(full, 'utf8');
        sources.set(full, source);
        violations.push(...checkFile(root, full, source));
      }
    }
  };
  for (const top of ['shared', 'renderer', 'electron']) {
    try {
      walk(path.join(root, top));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return [...violations, ...importCycles(root, sources)];
}

// `npm run lint:layers`
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const found = checkTree(process.cwd());
  for (const v of found) console.error(`${v.file}:${v.line}: '${v.specifier}': ${v.rule}`);
  console.log(found.length ? `${found.length} layering violation(s).` : 'Layering: every import respects shared → engine/renderer → shell.');
  process.exit(found.length ? 1 : 0);
}
