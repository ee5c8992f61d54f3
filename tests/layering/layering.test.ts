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

  it('lets the shell import electron and the engine', () => {
    const root = tree({ 'electron/main/m.ts': "import { app } from 'electron';\nimport { e } from '../engine/e';\n", 'electron/engine/e.ts': 'export const e = 1;\n' });
    expect(checkTree(root)).toEqual([]);
  });
});
