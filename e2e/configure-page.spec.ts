import { expect, test } from './support/fixtures';
import { walkToConfigure, WizardDriver } from './support/wizard';

test('the certificate picker lists the store with expiry and private key, and fills the thumbprint', async ({ page, cdx }) => {
  const w = new WizardDriver(page);
  await page.goto(cdx.url);
  await walkToConfigure(w);
  await page.getByRole('button', { name: 'Select certificate…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Certificates in LocalMachine\\My' });
  const certificates = dialog.getByRole('radiogroup', { name: 'Certificates' }).getByRole('radio');
  await expect(certificates).toHaveCount(3);
  await expect(dialog.getByText('Expired', { exact: true })).toHaveCount(1);
  await expect(dialog.getByText('No private key', { exact: true })).toHaveCount(1);
  await dialog.getByRole('radio', { name: /D0743827EFD9BFA20059CE80157DF8B8B74EE50B/ }).check();
  await dialog.getByRole('button', { name: 'Use this certificate' }).click();
  await expect(w.field('SSL certificate thumbprint')).toHaveValue('D0743827EFD9BFA20059CE80157DF8B8B74EE50B');
});

test('field rules show inline as the user types; errors block Next, the 443 warning does not', async ({ page, cdx }) => {
  const w = new WizardDriver(page);
  await page.goto(cdx.url);
  await walkToConfigure(w);

  await w.fill('HTTPS port', '0');
  await expect(page.getByText('Port 0 is out of range: use a number from 1 to 65535.')).toBeVisible();
  await expect(w.field('HTTPS port')).toHaveAttribute('aria-invalid', 'true');

  // A thumbprint copied from the certificate dialog brings U+200E and spaces along: cleaned as it is pasted.
  await w.fill('SSL certificate thumbprint', '\u200Ed0 74 38 27 ef d9 bf a2 00 59 ce 80 15 7d f8 b8 b7 4e e5 0b');
  await expect(w.field('SSL certificate thumbprint')).toHaveValue('D0743827EFD9BFA20059CE80157DF8B8B74EE50B');

  await w.fill('User name', 'CONTOSO\\svc-async');
  await w.fill('Password', 'Canary-Pa55word!');
  await w.next();
  await w.expectPage('Configure Async Server');
  await expect(page.getByRole('alert').filter({ hasText: 'Correct the fields marked in red' })).toBeVisible();

  await w.fill('HTTPS port', '443');
  await expect(page.getByText(/the guide recommends a nonstandard port/)).toBeVisible();
  await w.next();
  await w.expectPage('Select a database to use with Async Server');
});
