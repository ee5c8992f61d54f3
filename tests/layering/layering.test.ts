import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTree } from '../../scripts/layering';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cdx-layers-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('layering', () => {
  it('holds for this repository', () => {
    expect(checkTree(process.cwd())).toEqual([]);
  });

  it('catches the engine importing electron', () => {
    const root = tree({ 'electron/engine/x.ts': "import { app } from 'electron';\n" });
    expect(checkTree(root)).toEqual([expect.objectContaining({ file: path.join('electron', 'engine', 'x.ts'), line: 1, specifier: 'electron' })]);
  });

  it('catches shared importing Node or the engine, and the renderer importing Node or the engine', () => {
    const root = tree({
      'shared/a.ts': "import fs from 'node:fs';\nimport { x } from '../electron/engine/y';\n",
      'renderer/b.tsx': "import path from 'path';\nconst m = import('../electron/engine/z');\nimport { z } from 'zod';\n",
      'electron/engine/y.ts': 'export const x = 1;\n',
    });
    const rules = checkTree(root).map((v) => `${v.file}:${v.line} ${v.rule}`).sort();
    expect(rules).toEqual([
      `${path.join('renderer', 'b.tsx')}:1 renderer must not import Node built-ins`,
      `${path.join('renderer', 'b.tsx')}:2 renderer must not import from engine`,
      `${path.join('renderer', 'b.tsx')}:3 renderer must not import zod`,
      `${path.join('shared', 'a.ts')}:1 shared must not import Node built-ins`,
      `${path.join('shared', 'a.ts')}:2 shared must not import from engine`,
    ]);
  });

  it('catches a front end importing the executor or the plan instead of going through the install service', () => {
    const root = tree({
      'electron/cli/commands/deploy.ts': "import { applyPlan } from '../../engine/executor/executor';\nimport type { Plan } from '../../engine/plan/build-plan';\nimport { InstallService } from '../../engine/install/install-service';\n",
      'electron/console/server.ts': "import { findInterruptedRun } from '../engine/executor/recovery';\n",
      'electron/engine/install/install-service.ts': "import { applyPlan } from '../executor/executor';\n",
      'electron/engine/executor/executor.ts': 'export const applyPlan = 1;\n',
    });
    const rules = checkTree(root).map((v) => `${v.file}:${v.line} ${v.rule}`).sort();
    expect(rules).toEqual([
      `${path.join('electron', 'cli', 'commands', 'deploy.ts')}:1 cli must go through the install service (electron/engine/install), not import electron/engine/executor directly`,
      `${path.join('electron', 'cli', 'commands', 'deploy.ts')}:2 cli must go through the install service (electron/engine/install), not import electron/engine/plan directly`,
      `${path.join('electron', 'console', 'server.ts')}:1 console must go through the install service (electron/engine/install), not import electron/engine/executor directly`,
    ]);
  });

  it("lets the renderer take the product's icon from build/, and nothing else there", () => {
    const root = tree({
      'renderer/main.tsx': "import iconUrl from '../build/icon.svg?no-inline';\nimport png from '../build/icon.png';\nimport { x } from '../build/helper';\n",
    });
    expect(checkTree(root).map((v) => `${v.line} ${v.rule}`)).toEqual(['3 renderer must not import from other']);
  });

  it('lets the shell import electron and the engine', () => {
    const root = tree({ 'electron/main/m.ts': "import { app } from 'electron';\nimport { e } from '../engine/e';\n", 'electron/engine/e.ts': 'export const e = 1;\n' });
    expect(checkTree(root)).toEqual([]);
  });

  it('refuses the frame naming a component folder: only the component itself and the registries may', () => {
    const root = tree({
      'shared/components/async-server/parameters.ts': 'export const P = 1;\n',
      'shared/components/async-server/definition.ts': "import { P } from './parameters';\n",
      'shared/components/async-client/definition.ts': "import { P } from '../async-server/parameters';\n",
      'shared/components/registry.ts': "import { P } from './async-server/parameters';\n",
      'electron/engine/components/async-server/plan.ts': "import { P } from '../../../../shared/components/async-server/parameters';\n",
      'electron/engine/components/registry.ts': "import { plan } from './async-server/plan';\n",
      'electron/engine/executor/executor.ts': "import { plan } from '../components/async-server/plan';\nimport { c } from '../components/registry';\n",
      'renderer/pages/Page.tsx': "import { P } from '../../shared/components/async-server/parameters';\n",
    });
    const rule = 'only the component async-server itself and the registries may import its folder: reach it through shared/components/registry.ts or electron/engine/components/registry.ts';
    expect(checkTree(root).map((v) => `${v.file}:${v.line} ${v.rule}`).sort()).toEqual([
      `${path.join('electron', 'engine', 'executor', 'executor.ts')}:1 ${rule}`,
      `${path.join('renderer', 'pages', 'Page.tsx')}:1 ${rule}`,
      `${path.join('shared', 'components', 'async-client', 'definition.ts')}:1 ${rule}`,
    ]);
  });

  it('catches a cycle of imports, type-only and through a third module too, and not a lazy import()', () => {
    const root = tree({
      'shared/a.ts': "import type { B } from './b';\nexport type A = { b: B };\n",
      'shared/b.ts': "import { c } from './c';\nexport type B = number;\n",
      'shared/c.ts': "import type { A } from './a';\nexport const c = 1;\n",
      'renderer/page.tsx': "const view = () => import('./view');\nexport const title = 'Page';\n",
      'renderer/view.tsx': "import { title } from './page';\nexport const shown = title;\n",
    });
    expect(checkTree(root).map((v) => `${v.file}:${v.line} ${v.rule}`)).toEqual([
      `${path.join('shared', 'c.ts')}:1 import cycle: shared/a.ts → shared/b.ts → shared/c.ts → shared/a.ts`,
    ]);
  });
});
