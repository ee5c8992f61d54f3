import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startConsoleProcess } from '../support/console';
import { expect, test } from '../support/fixtures';
import { finish } from '../support/pages/finish';
import { installationOption } from '../support/pages/installation-option';
import { prerequisites, prerequisitesAfterConfigure } from '../support/pages/prerequisites';
import { ready } from '../support/pages/ready';
import { GOOD, reachPage, WizardDriver } from '../support/wizard';

const MODIFY = 'Add or modify components';

/** Loads the wizard and goes to Select an installation option once it knows the installed instances. */
async function toInstallationOption(page: Page, url: string): Promise<WizardDriver> {
  const listed = page.waitForResponse((r) => r.url().includes('/api/call/instances.list'));
  await page.goto(url);
  const w = await reachPage(page, installationOption.id);
  await listed;
  return w;
}

/** A finished validation's verdict, then what the Errors and Passed groups hold. */
async function results(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: /\d+ passed, / })).toBeVisible({ timeout: 30_000 });
  return { errors: page.getByRole('region', { name: /^Errors/ }), passed: page.getByRole('region', { name: /^Passed/ }) };
}

test('after one install, Add or modify components validates the prerequisites: the instance\'s own ports pass, and Ready shows the difference', async ({ wizard: w, cdx, page }) => {
  await reachPage(w, finish.id);

  const again = await startConsoleProcess({ sandbox: cdx.sandbox });
  try {
    await toInstallationOption(page, again.url);
    await page.getByRole('radio', { name: MODIFY, exact: true }).check();
    // Which instance is modified matters to the checks: Next asks for it first.
    await w.next();
    await expect(page.getByRole('alert').filter({ hasText: 'Select the installed instance to modify.' })).toBeVisible();
    await page.getByRole('radio', { name: /^AsyncServer \(version/ }).check();

    const shown: string[] = [];
    await reachPage(w, ready.id, {
      entries: { option: MODIFY, httpsPort: '9443' },
      async visit(step) {
        if (step.id === prerequisites.id) {
          // Before Configure: the instance's settings as installed, its ports held by its own website.
          const { errors, passed } = await results(page);
          await expect(errors).toHaveCount(0);
          await expect(passed).toContainText(`HTTPS port ${GOOD.httpsPort} is this instance's own binding (the website AsyncServerSite of AsyncServer)`);
          await expect(passed).toContainText(`TCP port ${GOOD.tcpPort} is this instance's own binding`);
          shown.push(step.id);
        }
        if (step.id === prerequisitesAfterConfigure.id) {
          const { errors, passed } = await results(page);
          await expect(errors).toHaveCount(0);
          await expect(passed).toContainText('HTTPS port 9443 is free.');
          await expect(passed).toContainText(`TCP port ${GOOD.tcpPort} is this instance's own binding`);
          shown.push(step.id);
        }
      },
    });
    expect(shown).toEqual([prerequisites.id, prerequisitesAfterConfigure.id]);

    // The plan of the difference: the new binding, its firewall rule, web.config's HTTPS port, and the instance record.
    await expect(page.getByText(/Instance AsyncServer: 4 of \d+ steps will change this computer/)).toBeVisible();
    const plan = page.getByRole('list', { name: 'Installation steps' });
    await expect(plan.getByRole('listitem').filter({ hasText: 'HTTPS binding on port 9443' })).not.toContainText('already in place');
    await page.getByRole('button', { name: 'Install', exact: true }).click();
    await expect(page.getByText(/Installed: \d+ of \d+ operations changed this computer/).first()).toBeVisible({ timeout: 30_000 });
    const iis = JSON.parse(readFileSync(path.join(cdx.sandbox, 'state', 'iis.json'), 'utf8'));
    expect(iis.sites.asyncserversite.bindings).toContainEqual(expect.objectContaining({ protocol: 'https', bindingInformation: '*:9443:' }));
  } finally {
    await again.stop();
  }
});

test('a second instance on another website cannot take the port the installed website holds', async ({ wizard: w, cdx, page }) => {
  await reachPage(w, finish.id);

  const again = await startConsoleProcess({ sandbox: cdx.sandbox });
  try {
    await toInstallationOption(page, again.url);
    await reachPage(w, prerequisitesAfterConfigure.id, {
      // The partition's message database is the installed instance's: the second one uses it, as the guide says.
      entries: { applicationName: 'AsyncServer2', appPoolName: 'AsyncServer2', websiteName: 'OtherSite', databaseMode: 'existing' },
    });
    const { errors } = await results(page);
    await expect(errors).toContainText(`HTTPS port ${GOOD.httpsPort} is in use: IIS listens on it for the website AsyncServerSite.`);
    await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeDisabled();
  } finally {
    await again.stop();
  }
});
