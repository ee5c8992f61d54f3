import { expect, test } from '../support/fixtures';
import { configure } from '../support/pages/configure';
import { database } from '../support/pages/database';
import { GOOD, passPrerequisites, reachPage } from '../support/wizard';

test('files only: clearing "Configure Async Server by using Setup" drops the database page and Ready says so', async ({ wizard: w }) => {
  await reachPage(w, 'configure');
  // What is typed before the box is cleared does not matter: those fields no longer apply.
  await w.fill(configure.labels.httpsPort, 'abc');
  await configure.fill(w, { ...GOOD, configure: false });
  await expect(w.page.getByText('The application files are installed, but Async Server is not configured.')).toBeVisible();
  for (const label of Object.values(configure.labels).filter((l) => l !== configure.labels.configure)) {
    await expect(w.field(label)).toBeDisabled();
  }
  await expect(w.field(configure.labels.httpsPort)).not.toHaveAttribute('aria-invalid', 'true');
  await expect(w.page.getByRole('navigation', { name: 'Setup steps' })).not.toContainText(database.heading);

  await w.next();
  await passPrerequisites(w);
  await expect(w.heading()).toHaveText('Ready to install');
  await expect(w.page.getByRole('table', { name: 'Async Server' }).getByRole('row')).toHaveText([/Configure Async Server by using Setup\s*No: application files only/]);
  await expect(w.page.getByRole('table', { name: 'Message database' })).toHaveCount(0);

  // Reaching the database page in this flow is impossible, and the step graph says so instead of hanging.
  await expect(reachPage(w, 'database', { entries: { configure: false } })).rejects.toThrow(/does not show "Select a database to use with Async Server"/);
});
