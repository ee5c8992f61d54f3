import { spawnSync } from 'node:child_process';
import { closeSync, fsyncSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { defaultSettings } from '../shared/components/async-server/parameters';
import { scenariosRoot } from '../electron/engine/hosts/create-host';
import { RehearsalHost } from '../electron/engine/hosts/rehearsal/rehearsal-host';
import { loadScenario } from '../electron/engine/hosts/rehearsal/scenario';
import { applyPlan } from '../electron/engine/executor/executor';
import { withRun } from '../electron/engine/executor/run';
import type { Plan } from '../electron/engine/plan/build-plan';
import type { Operation, OperationContext } from '../electron/engine/plan/operation';
import { filesOperation, type PayloadFile } from '../electron/engine/plan/operations/files';
import { figure, median, type BenchModule } from './figure';

const FILES = 2000;
const FILE_SIZE = 100 * 1024; // 2,000 × 100 KiB ≈ 200 MB
const ROUNDS = 7;
const NOOP_OPS = 200;

/** A payload like a large vendor drop, generated at bench time (not committed). */
function generatePayload(root: string): PayloadFile[] {
  const files: PayloadFile[] = [];
  const block = randomBytes(FILE_SIZE);
  for (let i = 0; i < FILES; i++) {
    const rel = `bin/part${Math.floor(i / 200)}/assembly-${i}.dll`;
    const full = path.join(root, ...rel.split('/'));
    mkdirSync(path.dirname(full), { recursive: true });
    block.writeUInt32LE(i, 0);
    writeFileSync(full, block);
    files.push({ path: rel, size: FILE_SIZE, sha256: createHash('sha256').update(block).digest('hex') });
  }
  return files;
}

function timed(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function timedAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function fakePlan(supportDir: string, operations: Operation[]): Plan {
  const settings = defaultSettings();
  return {
    instanceName: 'bench',
    component: 'async-server',
    version: '1.0',
    database: { server: '', name: '' },
    settings,
    expanded: settings,
    choices: { configure: false, components: ['async-server'], database: { mode: 'create', authentication: 'windows', sqlLogin: '', trustServerCertificate: false, partition: 'initial' } },
    payload: { root: '', manifest: { component: 'async-server', version: '1.0', files: [], database: { scripts: [], roles: { appPoolUser: [], aosServiceUser: [] } }, saltUtility: { files: [] } } },
    supportDir,
    operations,
    notes: [],
    applied: [],
  };
}

export default {
  title: 'Installation: placing a 2,000-file / 200 MB payload, and the executor overhead per operation',
  async run() {
    const work = mkdtempSync(path.join(os.tmpdir(), 'cdx-bench-install-'));
    try {
      const source = path.join(work, 'payload');
      const files = generatePayload(source);
      const megabytes = (FILES * FILE_SIZE) / 1e6;
      const host = new RehearsalHost(loadScenario(path.join(scenariosRoot(), 'default', 'scenario.json')), path.join(work, 'machine'));
      const ctx: OperationContext = { host, supportDir: path.join(work, 'support'), secrets: {}, signal: new AbortController().signal, log: () => {} };

      const ours: number[] = [];
      const cp: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const cpTarget = path.join(work, `cp-${round}`);
        const op = filesOperation({ id: `files:${round}`, description: 'bench', sourceRoot: source, destination: `C:\\bench\\r${round}`, files, backupDir: path.join(work, 'backup') });
        mkdirSync(host.realPath(`C:\\bench\\r${round}`), { recursive: true });
        const runCp = () => cp.push(timed(() => spawnSync('cp', ['-r', source, cpTarget], { stdio: 'ignore' })));
        // What the executor does for this operation: isDone, prepare, apply.
        const runOurs = async () =>
          ours.push(
            await timedAsync(async () => {
              if (!(await op.isDone(ctx))) {
                await op.prepare?.(ctx);
                await op.apply(ctx);
              }
            }),
          );
        // Whichever copies second pays for the first one's dirty pages being written back: take turns going first.
        if (round % 2 === 0) {
          runCp();
          await runOurs();
        } else {
          await runOurs();
          runCp();
        }
        rmSync(cpTarget, { recursive: true, force: true });
        rmSync(host.realPath(`C:\\bench\\r${round}`), { recursive: true, force: true });
      }

      // A kind the undo registry knows (the executor refuses a plan it could not roll back); a successful run never undoes it.
      const noop: Operation = { id: 'noop', kind: 'folder', target: { path: 'C:\\noop' }, description: 'nothing', details: {}, isDone: async () => false, apply: async () => null };
      const ops = Array.from({ length: NOOP_OPS }, (_, i) => ({ ...noop, id: `noop:${i}` }));
      const supportDir = path.join(work, 'support');
      const executorMs: number[] = [];
      const floorMs: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const plan = fakePlan(supportDir, ops);
        const steps = ops.map((o) => ({ id: o.id, kind: o.kind, description: o.description }));
        executorMs.push((await timedAsync(() => withRun({ kind: 'install', instance: 'bench', host, supportDir, secrets: {}, steps, asyncServerUrl: null }, (run) => applyPlan(run, plan)))) / NOOP_OPS);
        // The floor any durable journal pays: two fsynced appends per operation.
        const file = path.join(work, `floor-${round}.jsonl`);
        floorMs.push(
          timed(() => {
            const fd = openSync(file, 'a');
            for (let i = 0; i < NOOP_OPS * 2; i++) {
              writeSync(fd, `{"type":"op","id":"noop:${i}"}\n`);
              fsyncSync(fd);
            }
            closeSync(fd);
          }) / NOOP_OPS,
        );
      }

      return [
        figure({
          name: `Place ${FILES} files / ${megabytes.toFixed(0)} MB (throughput)`,
          value: megabytes / (median(ours) / 1000),
          baseline: megabytes / (median(cp) / 1000),
          unit: 'MB/s',
          baselineName: 'cp -r',
          aim: '≥ 0.9',
          best: 'higher',
          target: 0.9,
        }),
        figure({
          name: `Executor overhead per operation (${NOOP_OPS} no-op operations)`,
          value: median(executorMs),
          baseline: median(floorMs),
          unit: 'ms/op',
          baselineName: 'two fsynced appends',
          aim: '≤ 2',
          best: 'lower',
          target: 2,
        }),
      ];
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
} satisfies BenchModule;
