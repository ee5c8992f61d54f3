import { test as base, expect } from '@playwright/test';
import { startConsoleProcess, type ConsoleProcess, type ConsoleStart } from './console';

/**
 * Every test gets its own console on its own rehearsal machine; `consoleOptions` picks the scenario.
 * A screenshot of every page the test reaches is attached by the page objects (see wizard.ts).
 */
export const test = base.extend<{ consoleOptions: ConsoleStart; cdx: ConsoleProcess }>({
  consoleOptions: [{}, { option: true }],
  cdx: async ({ consoleOptions }, use) => {
    const running = await startConsoleProcess(consoleOptions);
    await use(running);
    await running.stop();
  },
});

export { expect };
