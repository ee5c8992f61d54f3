import { expect, type Page, type TestInfo } from '@playwright/test';

/** Drives the wizard as a user does: by role and label. */
export class WizardDriver {
  constructor(
    readonly page: Page,
    private readonly testInfo?: TestInfo,
  ) {}

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  async expectPage(title: string) {
    await expect(this.heading()).toHaveText(title);
    if (this.testInfo) {
      await this.testInfo.attach(`page ${title}`, { body: await this.page.screenshot({ fullPage: true }), contentType: 'image/png' });
    }
  }

  async next() {
    await this.page.getByRole('button', { name: 'Next', exact: true }).click();
  }

  async back() {
    await this.page.getByRole('button', { name: 'Back', exact: true }).click();
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  async fill(label: string, value: string) {
    await this.field(label).fill(value);
  }
}

/** Valid entries for every field, with the default scenario's good certificate. */
export const GOOD = {
  applicationName: 'AsyncServer',
  userName: 'CONTOSO\\svc-async',
  password: 'Canary-Pa55word!',
  httpsPort: '8443',
  tcpPort: '808',
  thumbprint: 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B',
  server: 'SQLHQ01',
  database: 'AsyncServerMessageDB',
};

/** From the first page to Configure Async Server with the defaults. */
export async function walkToConfigure(w: WizardDriver) {
  await w.expectPage('Select a file location');
  await w.next();
  await w.expectPage('Select an installation option');
  await w.next();
  await w.expectPage('Select installation type');
  await w.next();
  await w.expectPage('Select components');
  await w.next();
  await passPrerequisites(w);
  await w.expectPage('Configure Async Server');
}

export async function fillConfigure(w: WizardDriver, values = GOOD) {
  await w.fill('User name', values.userName);
  await w.fill('Password', values.password);
  await w.fill('HTTPS port', values.httpsPort);
  await w.fill('TCP port (optional)', values.tcpPort);
  await w.fill('SSL certificate thumbprint', values.thumbprint);
}

export async function fillDatabase(w: WizardDriver, values = GOOD) {
  await w.fill('Server name', values.server);
  await w.fill('Database name', values.database);
}

/** A Prerequisite validation results page: wait for the checks, then Next (enabled only when no error remains). */
export async function passPrerequisites(w: WizardDriver) {
  await w.expectPage('Prerequisite validation results');
  await expect(w.page.getByRole('status').filter({ hasText: /\d+ passed, / })).toBeVisible();
  await w.next();
}
