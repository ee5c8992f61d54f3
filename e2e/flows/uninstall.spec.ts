import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startConsoleProcess } from '../support/console';
import { MACHINE_OWN_STATE } from '../support/machine-state';
import { expect, test } from '../support/fixtures';
import { finish } from '../support/pages/finish';
import { installationOption } from '../support/pages/installation-option';
import { GOOD, reachPage, WizardDriver } from '../support/wizard';

const MODIFY = 'Add or modify components';

/** `cdx-setup ARGS --rehearsal --sandbox SANDBOX`, as an administrator runs it on the console's computer. */
function cli(sandbox: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['bin/cdx-setup.mjs', ...args, '--rehearsal', '--sandbox', sandbox], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Loads the wizard and goes to Select an installation option once it knows the installed instances: the page asks
 * the engine on arrival, so until that answer an absent choice proves nothing.
 */
async function toInstallationOption(page: Page, url: string): Promise<WizardDriver> {
  const listed = page.waitForResponse((r) => r.url().includes('/api/call/instances.list'));
  await page.goto(url);
  const w = await reachPage(page, installationOption.id);
  await listed;
  return w;
}

test('cdx-setup uninstall removes the instance the wizard installed, and the wizard no longer offers Add or modify components', async ({ wizard: w, cdx, page }) => {
  await reachPage(w, finish.id);
  await expect(page.getByLabel(finish.labels.url)).toHaveValue(new RegExp(`/${GOOD.applicationName}$`));

  // A new session on the same computer: the instance can be modified.
  const again = await startConsoleProcess({ sandbox: cdx.sandbox });
  try {
    await toInstallationOption(page, again.url);
    await expect(page.getByRole('radio', { name: MODIFY, exact: true })).toBeVisible();

    expect(cli(cdx.sandbox, 'uninstall', '--instance', GOOD.applicationName)).toContain(`The instance ${GOOD.applicationName} was removed`);
    expect(cli(cdx.sandbox, 'instances')).toContain('No Async Server or Async Client instance is installed on this computer.');
    // Nothing of it is left on the rehearsal machine: no site, no app pool, no database, no firewall rule.
    // The Application log keeps its events and the machine key stays, as on Windows; everything else is gone.
    expect(readdirSync(path.join(cdx.sandbox, 'state')).filter((f) => !MACHINE_OWN_STATE.includes(f))).toEqual([]);

    await toInstallationOption(page, again.url);
    await expect(page.getByRole('radio', { name: installationOption.labels.components, exact: true })).toBeVisible();
    await expect(page.getByRole('radio', { name: MODIFY, exact: true })).toHaveCount(0);
  } finally {
    await again.stop();
  }
});
