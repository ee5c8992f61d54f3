import { expect, test } from '../support/fixtures';
import { expectFieldValid } from '../support/field-checks';
import { configure } from '../support/pages/configure';
import { GOOD, reachPage } from '../support/wizard';

test('the certificate picker lists the store with expiry and private key, and fills the thumbprint', async ({ wizard: w }) => {
  await reachPage(w, 'configure');
  await w.button('Select certificate…').click();
  const picker = w.page.getByRole('dialog', { name: 'Certificates in LocalMachine\\My' });
  const choices = picker.getByRole('radio');
  // The default scenario's personal store: the good certificate, an expired one, one without its private key.
  await expect(choices).toHaveCount(3);
  const good = picker.getByRole('radio', { name: new RegExp(GOOD.thumbprint) });
  await expect(good).toHaveAccessibleName(/Private key/);
  await expect(good).not.toHaveAccessibleName(/Expired/);
  await expect(picker.getByRole('radio', { name: /Expired/ })).toHaveCount(1);
  await expect(picker.getByRole('radio', { name: /No private key/ })).toHaveCount(1);

  const use = picker.getByRole('button', { name: 'Use this certificate' });
  await expect(use).toBeDisabled();
  await good.check();
  await use.click();
  await expect(picker).toBeHidden();
  await expect(w.field(configure.labels.thumbprint)).toHaveValue(GOOD.thumbprint);
  await expectFieldValid(w, configure.labels.thumbprint);

  // Close leaves the entry as it was.
  await w.fill(configure.labels.thumbprint, '');
  await w.button('Select certificate…').click();
  await picker.getByRole('button', { name: 'Close' }).click();
  await expect(picker).toBeHidden();
  await expect(w.field(configure.labels.thumbprint)).toHaveValue('');
});
