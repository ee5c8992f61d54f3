import { expect, test } from '../support/fixtures';
import { tabTo, typeInto } from '../support/keyboard';
import { components } from '../support/pages/components';
import { configure } from '../support/pages/configure';
import { database } from '../support/pages/database';
import { finish } from '../support/pages/finish';
import { installationOption } from '../support/pages/installation-option';
import { installationType } from '../support/pages/installation-type';
import { installing } from '../support/pages/installing';
import { prerequisites } from '../support/pages/prerequisites';
import { supportFiles } from '../support/pages/support-files';
import { GOOD } from '../support/wizard';

/** Keys only from the first page to Finish: Tab, Shift+Tab, Space, Enter and the arrow keys. No click. */
test('the wizard is completed through Install to Finish with the keyboard alone', async ({ wizard: w }) => {
  const { page } = w;
  const key = (k: string) => page.keyboard.press(k);
  const arrive = async (heading: string) => {
    await w.expectPage(heading);
    await expect(w.heading(), `focus on arriving at "${heading}"`).toBeFocused();
  };
  const passPrerequisites = async () => {
    await arrive(prerequisites.heading);
    await expect(page.getByRole('status').filter({ hasText: /\d+ passed, / })).toBeVisible();
    await tabTo(page, w.button('Next'));
    await key('Enter');
  };

  await arrive(supportFiles.heading);
  // Enter in a text field is Next.
  await tabTo(page, w.field(supportFiles.labels.location));
  await key('Enter');

  await arrive(installationOption.heading);
  const option = page.getByRole('radio', { name: installationOption.labels.components });
  await tabTo(page, option);
  await key('Space');
  await expect(option).toBeChecked();
  await tabTo(page, w.button('Next'));
  await key('Space');

  await arrive(installationType.heading);
  await tabTo(page, w.button('Next'));
  await key('Enter');

  await arrive(components.heading);
  const asyncServer = page.getByRole('checkbox', { name: 'Async Server' });
  await tabTo(page, asyncServer);
  await key('Space');
  await expect(asyncServer).not.toBeChecked();
  await key('Space');
  await expect(asyncServer).toBeChecked();
  await tabTo(page, w.button('Next'));
  await key('Enter');

  await passPrerequisites();
  await arrive(configure.heading);
  const L = configure.labels;
  for (const [label, value] of [
    [L.userName, GOOD.userName],
    [L.password, GOOD.password],
    [L.httpsPort, GOOD.httpsPort],
  ] as const) {
    await tabTo(page, w.field(label));
    await typeInto(page, value);
  }
  // The certificate comes from the picker: open it, choose with the arrow keys, confirm.
  await tabTo(page, w.button('Select certificate…'));
  await key('Enter');
  const picker = page.getByRole('dialog', { name: /Certificates in/ });
  const good = picker.getByRole('radio', { name: new RegExp(GOOD.thumbprint) });
  await expect(good).toBeVisible();
  await tabTo(page, picker.getByRole('radio').first());
  for (let i = 0; i < 10 && !(await good.evaluate((el) => el === document.activeElement)); i++) await key('ArrowDown');
  await expect(good).toBeFocused();
  await key('Space');
  await expect(good).toBeChecked();
  await tabTo(page, picker.getByRole('button', { name: 'Use this certificate' }));
  await key('Enter');
  await expect(picker).toBeHidden();
  // Back with Shift+Tab to the field the picker filled.
  await tabTo(page, w.field(L.thumbprint), 'Shift+Tab');
  await expect(w.field(L.thumbprint)).toHaveValue(GOOD.thumbprint);
  await key('Enter');

  await arrive(database.heading);
  await tabTo(page, w.field(database.labels.server));
  await typeInto(page, GOOD.server);
  const create = page.getByRole('radio', { name: database.labels.create });
  const existing = page.getByRole('radio', { name: database.labels.existing });
  await tabTo(page, create);
  await key('ArrowDown');
  await expect(existing).toBeChecked();
  await key('ArrowUp');
  await expect(create).toBeChecked();
  await tabTo(page, w.field(database.labels.database));
  await typeInto(page, GOOD.database);
  await tabTo(page, w.button('Next'));
  await key('Enter');

  await passPrerequisites();
  await arrive('Ready to install');
  await expect(page.getByRole('table', { name: 'Async Server' }).getByRole('row', { name: /SSL certificate thumbprint/ })).toContainText(GOOD.thumbprint);
  await expect(page.getByRole('table', { name: 'Message database' }).getByRole('row', { name: /Server name/ })).toContainText(GOOD.server);
  // The review scrolls by keyboard: its region is a tab stop.
  await tabTo(page, page.getByRole('region', { name: 'Choices to install' }));
  await tabTo(page, w.button('Install'));
  await key('Enter');

  await arrive(installing.heading);
  await expect(w.button('Next')).toBeEnabled({ timeout: 30_000 });
  await tabTo(page, w.button('Next'));
  await key('Enter');

  await arrive(finish.heading);
  await expect(page.getByLabel(finish.labels.url)).toHaveValue(new RegExp(`:${GOOD.httpsPort}/${GOOD.applicationName}$`));
});

test('Back by keyboard returns to the previous page with its heading focused', async ({ wizard: w }) => {
  const { page } = w;
  await expect(w.heading()).toBeFocused();
  await tabTo(page, w.button('Next'));
  await page.keyboard.press('Enter');
  await expect(w.heading()).toHaveText(installationOption.heading);
  await tabTo(page, w.button('Back'));
  await page.keyboard.press('Enter');
  await w.expectPage(supportFiles.heading);
  await expect(w.heading()).toBeFocused();
});
