import { expect, test, type Page, type TestInfo } from '@playwright/test';

/** The running test's info; none when the driver is used outside a test (a benchmark, a script). */
function runningTestInfo(): TestInfo | null {
  try {
    return test.info();
  } catch {
    return null;
  }
}

/** Drives the wizard as a user does: by role and label. Every page it confirms is kept as a screenshot. */
export class WizardDriver {
  constructor(
    readonly page: Page,
    private readonly testInfo?: TestInfo,
  ) {}

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** Confirms the page by its heading and attaches a screenshot of it to the test's report. */
  async expectPage(title: string) {
    await expect(this.heading()).toHaveText(title);
    const info = this.testInfo ?? runningTestInfo();
    await info?.attach(`page ${title}`, { body: await this.page.screenshot({ fullPage: true }), contentType: 'image/png' });
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  async next() {
    await this.button('Next').click();
  }

  async back() {
    await this.button('Back').click();
  }

  /** A field by its accessible name (a required field's label shows a "*" that is not part of its name). */
  field(label: string) {
    return this.page.getByLabel(label, { exact: true }).or(this.page.getByRole('textbox', { name: label, exact: true }));
  }

  async fill(label: string, value: string) {
    await this.field(label).fill(value);
  }

  /** The page's error summary, which a screen reader announces. */
  pageError() {
    return this.page.getByRole('alert').filter({ hasText: 'Correct the fields marked in red' });
  }
}
