import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { GOOD_CLIENT } from '../support/entries';
import { expect, test } from '../support/fixtures';
import { configure } from '../support/pages/configure';
import { configureAsyncClient, group } from '../support/pages/configure-async-client';
import { GOOD, reachPage } from '../support/wizard';

/** The store computer (STORE01, its channel databases): Async Client's scenario. */
const SCENARIO = path.resolve('e2e/fixtures/store-with-hq/scenario.json');
const FOLDER = 'C:\\ProgramData\\Microsoft Dynamics AX\\CDX Setup';
const SERVICE_NAME = 'CDXAsyncClientHouston';

/** Where a Windows path of the rehearsal computer is on this disk. */
const onDisk = (sandbox: string, windowsPath: string) => path.join(sandbox, 'drives', windowsPath[0], ...windowsPath.slice(3).split('\\'));

/** `cdx-setup settings show FILE --json`, as a deployment engineer checks the file. */
function settingsShow(file: string, sandbox: string): Record<string, string> {
  const out = execFileSync(process.execPath, ['bin/cdx-setup.mjs', 'settings', 'show', file, '--json', '--rehearsal', SCENARIO, '--sandbox', sandbox], { encoding: 'utf8' });
  const json = JSON.parse(out) as { format: string; parameters: { name: string; value: string }[] };
  return { format: json.format, ...Object.fromEntries(json.parameters.map((p) => [p.name, p.value])) };
}

async function openSettingsFile(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open settings file' }).click();
  await (await chooser).setFiles(file);
}

test.describe('Save settings on an Async Client walk', () => {
  test.use({ consoleOptions: { scenario: SCENARIO } });

  test('writes sc-settings-<ServiceName>.xml with the guide\'s parameters and no password, which opens again into Async Client\'s pages', async ({ wizard: w, cdx, page }) => {
    const entries = { components: ['Async Client'], client: { serviceName: SERVICE_NAME, streaming: true } };
    await reachPage(w, 'ready', { entries });

    const windowsPath = `${FOLDER}\\sc-settings-${SERVICE_NAME}.xml`;
    const location = page.getByLabel('Settings file location', { exact: true });
    await expect(location).toHaveValue(windowsPath);
    await expect(page.getByRole('region', { name: 'Save settings' })).toContainText('Save these choices as an sc-settings.xml');
    await page.getByRole('button', { name: 'Save settings', exact: true }).click();
    const saved = page.getByRole('status').filter({ hasText: 'Saved the settings' });
    await expect(saved).toContainText(`Saved the settings in ${windowsPath} on`);
    await expect(saved).toContainText('--connection-credential-file');

    const real = onDisk(cdx.sandbox, windowsPath);
    const text = readFileSync(real, 'utf8');
    for (const secret of [GOOD_CLIENT.servicePassword, GOOD_CLIENT.connectionPassword]) expect(text).not.toContain(secret);
    expect(text).toContain('streaming="true"');
    expect(settingsShow(real, cdx.sandbox)).toMatchObject({
      format: 'sc-settings.xml',
      ServiceName: SERVICE_NAME,
      SynchServiceHeadOfficeURL: GOOD_CLIENT.url,
      DataStoreName: GOOD_CLIENT.channelDatabaseId,
      DataStoreUserName: GOOD_CLIENT.connectionUser,
      ServiceUser: GOOD_CLIENT.serviceUser,
      ChannelMessageDatabaseServer: GOOD_CLIENT.messageServer,
      ChannelMessageDatabaseName: GOOD_CLIENT.messageDatabase,
      ChannelDatabaseName: GOOD_CLIENT.channelDatabase,
      // Tokens stay tokens in the file.
      ServiceInstallFolder: GOOD_CLIENT.installFolder,
    });

    // A new wizard on the same computer: the saved file fills in Configure Async Client again, passwords empty.
    await page.goto(cdx.url);
    await openSettingsFile(page, real);
    await expect(page.getByRole('status')).toContainText(`Opened sc-settings-${SERVICE_NAME}.xml (sc-settings.xml)`);
    const again = await reachPage(w, configureAsyncClient.id, { entries: { components: ['Async Client'] } });
    const { labels } = configureAsyncClient;
    await expect(again.field(labels.url)).toHaveValue(GOOD_CLIENT.url);
    await expect(again.field(labels.channelDatabaseId)).toHaveValue(GOOD_CLIENT.channelDatabaseId);
    await expect(group(again, labels.connection).getByLabel(labels.userName, { exact: true })).toHaveValue(GOOD_CLIENT.connectionUser);
    await expect(group(again, labels.connection).getByLabel(labels.password, { exact: true })).toHaveValue('');
    await expect(group(again, labels.service).getByLabel(labels.userName, { exact: true })).toHaveValue(GOOD_CLIENT.serviceUser);
    await expect(group(again, labels.service).getByLabel(labels.serviceName, { exact: true })).toHaveValue(SERVICE_NAME);
    await expect(group(again, labels.service).getByLabel(labels.password, { exact: true })).toHaveValue('');
    await expect(page.getByRole('checkbox', { name: labels.streaming, exact: true })).toBeChecked();
  });
});

test.describe('Save settings with both components', () => {
  // A lab computer with IIS, SQL Server and a channel database.
  test.use({ consoleOptions: { scenario: 'all-in-one' } });

  test('writes one file per component, each named after its instance, with one Save settings', async ({ wizard: w, cdx, page }) => {
    const entries = {
      components: ['Async Server', 'Async Client'],
      server: 'CDX-LAB01',
      aosServiceUser: 'CONTOSO\\svc-aos',
      client: { url: 'https://cdx-lab01.contoso.com:8443/AsyncServer', messageServer: 'CDX-LAB01', channelServer: 'CDX-LAB01', serviceName: SERVICE_NAME },
    };
    await reachPage(w, 'ready', { entries });
    const ss = `${FOLDER}\\ss-settings-${GOOD.applicationName}.xml`;
    const sc = `${FOLDER}\\sc-settings-${SERVICE_NAME}.xml`;
    await expect(page.getByLabel('Settings file location: ss-settings.xml', { exact: true })).toHaveValue(ss);
    await expect(page.getByLabel('Settings file location: sc-settings.xml', { exact: true })).toHaveValue(sc);

    // The same file for both is refused before anything is written.
    await page.getByLabel('Settings file location: sc-settings.xml', { exact: true }).fill(ss);
    await page.getByRole('button', { name: 'Save settings', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('give each settings file location its own name. Nothing was saved.');
    await page.getByLabel('Settings file location: sc-settings.xml', { exact: true }).fill(sc);

    await page.getByRole('button', { name: 'Save settings', exact: true }).click();
    const saved = page.getByRole('status').filter({ hasText: 'Saved the settings' });
    await expect(saved).toContainText(`Saved the settings in ${ss} on`);
    await expect(saved).toContainText(`Saved the settings in ${sc} on`);
    const server = readFileSync(onDisk(cdx.sandbox, ss), 'utf8');
    const client = readFileSync(onDisk(cdx.sandbox, sc), 'utf8');
    for (const secret of [GOOD.password, GOOD_CLIENT.servicePassword, GOOD_CLIENT.connectionPassword]) expect(server + client).not.toContain(secret);
    expect(settingsShow(onDisk(cdx.sandbox, ss), cdx.sandbox)).toMatchObject({ format: 'ss-settings.xml', WebApplicationName: GOOD.applicationName, WebSiteHttpsPort: GOOD.httpsPort });
    expect(settingsShow(onDisk(cdx.sandbox, sc), cdx.sandbox)).toMatchObject({ format: 'sc-settings.xml', ServiceName: SERVICE_NAME, SynchServiceHeadOfficeURL: entries.client.url });
  });

  test("an sc-settings.xml's Configure choice is Async Client's: Async Server's check box stays as it was", async ({ wizard: w, page }, testInfo) => {
    const file = testInfo.outputPath('sc-settings-files-only.xml');
    writeFileSync(
      file,
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<Settings>',
        `  <Setting key="ServiceName" value="${SERVICE_NAME}" />`,
        '  <Setting key="ServiceInstallFolder" value="%SystemDrive%\\AsyncClientHouston" />',
        '  <CdxSetup xmlns="urn:cdx-setup:choices" configure="false" components="async-server,async-client" />',
        '</Settings>',
        '',
      ].join('\r\n'),
    );
    await openSettingsFile(page, file);
    await expect(page.getByRole('status')).toContainText('Opened sc-settings-files-only.xml (sc-settings.xml)');
    const entries = { components: ['Async Server', 'Async Client'], server: 'CDX-LAB01', aosServiceUser: 'CONTOSO\\svc-aos' };
    await reachPage(w, configure.id, { entries });
    await expect(page.getByRole('checkbox', { name: 'Configure Async Server by using Setup', exact: true })).toBeChecked();
    const client = await reachPage(w, configureAsyncClient.id, { entries });
    await expect(page.getByRole('checkbox', { name: configureAsyncClient.labels.configure, exact: true })).not.toBeChecked();
    await expect(client.field(configureAsyncClient.labels.installFolder)).toHaveValue('%SystemDrive%\\AsyncClientHouston');
  });
});
