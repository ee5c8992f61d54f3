import { expect, test } from '../support/fixtures';
import { configure } from '../support/pages/configure';
import { GOOD, reachPage } from '../support/wizard';

const WRONG = 'Wrong-Canary-Pa55!-e2e';

/**
 * The app pool password is checked against its domain on the second Prerequisite validation results page (10 item
 * 7d): a wrong one on the default scenario is an error naming the account and Password that keeps Next disabled;
 * the right one typed on Configure Async Server passes. The wrong password is shown nowhere and stored nowhere.
 */
test('a wrong app pool password fails its check on page 8, naming Password; the right one passes', async ({ wizard: w }) => {
  await reachPage(w, 'prerequisites-after-configure', { entries: { password: WRONG } });
  const errors = w.page.getByRole('region', { name: /^Errors/ });
  await expect(errors).toContainText('App pool password');
  await expect(errors).toContainText('The password for CONTOSO\\svc-async is not correct');
  await expect(errors).toContainText('in Password on Configure Async Server');
  await expect(w.page.getByRole('button', { name: 'Next', exact: true })).toBeDisabled();
  await expect(w.page.getByText(WRONG)).toHaveCount(0);
  const stored = await w.page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  expect(stored).not.toContain(WRONG);

  await w.back();
  await w.back();
  await w.expectPage(configure.heading);
  await w.fill(configure.labels.password, GOOD.password);
  await reachPage(w, 'ready');
});
