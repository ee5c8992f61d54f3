import { test as base, expect } from '@playwright/test';
import { startConsoleProcess, type ConsoleProcess, type ConsoleStart } from './console';
import { WizardDriver } from './driver';

/**
 * Every test gets its own console on its own rehearsal machine; `consoleOptions` picks the scenario.
 * `wizard` is a driver on the console's first page; every page it confirms is attached as a screenshot.
 */
export const test = base.extend<{ consoleOptions: ConsoleStart; cdx: ConsoleProcess; wizard: WizardDriver }>({
  consoleOptions: [{}, { option: true }],
  cdx: async ({ consoleOptions }, use) => {
    const running = await startConsoleProcess(consoleOptions);
    await use(running);
    await running.stop();
  },
  wizard: async ({ page, cdx }, use, testInfo) => {
    await page.goto(cdx.url);
    await use(new WizardDriver(page, testInfo));
  },
});

export { expect };
