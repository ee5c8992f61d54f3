import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { startConsole } from '../electron/console/server';
import { createEngine } from '../electron/engine/create-engine';
import { createHost } from '../electron/engine/hosts/create-host';
import { median, type BenchFigure, type BenchModule } from './figure';

const RUNS = 7;

async function buildBareReact(): Promise<string> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'cdx-bare-react-'));
  await build({ root: path.resolve('bench/bare-react'), base: './', plugins: [react()], logLevel: 'silent', build: { outDir, emptyOutDir: true, target: 'chrome120' } });
  return outDir;
}

function gzippedJs(dir: string): number {
  const assets = path.join(dir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(path.join(assets, f)), { level: 9 }).length, 0);
}

/** Navigation to an interactive first page, served by the console server either way (token, cookie, headers). */
async function timeToInteractive(staticRoot: string, ready: string): Promise<number[]> {
  const host = createHost({ rehearsal: true, sandbox: mkdtempSync(path.join(os.tmpdir(), 'cdx-bench-')) });
  const running = await startConsole({ engine: createEngine({ host, toolVersion: 'bench' }), staticRoot });
  const browser = await chromium.launch({
    executablePath: process.env.CDX_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS + 1; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(running.url);
      await page.getByRole('button', { name: 'Next', exact: true }).and(page.locator(':enabled')).waitFor();
      await page.locator(ready).first().waitFor();
      // The first run warms the server's file cache and Chromium's process pool: not counted.
      if (i > 0) times.push(performance.now() - start);
      await context.close();
    }
  } finally {
    await browser.close();
    await running.close();
  }
  return times;
}

const bench: BenchModule = {
  title: 'Console: first page and renderer size, against a bare Vite + React page',
  async run(): Promise<BenchFigure[]> {
    const bare = await buildBareReact();
    const ours = path.resolve('dist/renderer');
    const bareTimes = await timeToInteractive(bare, 'h1');
    const ourTimes = await timeToInteractive(ours, 'h1#page-heading');
    const ourTime = median(ourTimes);
    const bareTime = median(bareTimes);
    const ourSize = gzippedJs(ours) / 1024;
    const bareSize = gzippedJs(bare) / 1024;
    return [
      {
        name: `navigation → interactive first page (median of ${RUNS})`,
        value: ourTime,
        baseline: bareTime,
        unit: 'ms',
        baselineName: 'bare Vite + React',
        ratio: ourTime / bareTime,
        aim: '≤ 1.5',
        met: ourTime / bareTime <= 1.5,
      },
      {
        name: 'renderer JavaScript, gzipped',
        value: ourSize,
        baseline: bareSize,
        unit: 'KB',
        baselineName: 'bare Vite + React',
        ratio: ourSize / bareSize,
        aim: '≤ 250 KB',
        met: ourSize <= 250,
      },
    ];
  },
};

export default bench;
