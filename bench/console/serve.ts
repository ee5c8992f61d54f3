import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startConsole } from '../../electron/console/server';
import { createEngine } from '../../electron/engine/create-engine';
import { createHost } from '../../electron/engine/hosts/create-host';

export interface Served {
  /** The console's address with its token, for this build of the renderer. */
  url: string;
}

/**
 * One console server per renderer build (each on its own rehearsal computer, with token, cookie and headers as a
 * user gets them) and one browser for all, so that the builds are measured turn about in the same minute.
 */
export async function withConsoles<T>(staticRoots: string[], run: (browser: Browser, served: Served[]) => Promise<T>): Promise<T> {
  const consoles = await Promise.all(
    staticRoots.map((staticRoot) => {
      const host = createHost({ rehearsal: true, sandbox: mkdtempSync(path.join(os.tmpdir(), 'cdx-bench-')) });
      return startConsole({ engine: createEngine({ host, toolVersion: 'bench' }), staticRoot });
    }),
  );
  const browser = await chromium.launch({
    executablePath: process.env.CDX_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    return await run(
      browser,
      consoles.map((c) => ({ url: c.url })),
    );
  } finally {
    await browser.close();
    await Promise.all(consoles.map((c) => c.close()));
  }
}
