import { expect, test } from '../support/fixtures';
import { expectFieldError } from '../support/field-checks';
import { components } from '../support/pages/components';
import { configure } from '../support/pages/configure';
import { GOOD, reachPage } from '../support/wizard';

test('a refused Next is announced once, and each wrong field is described by its message and marked invalid', async ({ wizard: w }) => {
  await reachPage(w, 'components');
  await components.fill(w, { ...GOOD, components: [] });
  await w.next();
  await expect(w.page.getByRole('alert')).toHaveText(['Select at least one component to install.']);
  await expect(w.page.getByRole('group', { name: 'Commerce Data Exchange' })).toHaveAccessibleDescription('Select at least one component to install.');

  await reachPage(w, 'configure');
  await w.fill(configure.labels.userName, '');
  await w.fill(configure.labels.password, '');
  await w.next();
  // The summary is announced once; untouched fields with errors are marked too once Next was tried, and their
  // messages are live (role alert) as well as describing the field.
  await expect(w.pageError()).toHaveCount(1);
  await expectFieldError(w, configure.labels.userName, 'Enter the app pool user as DOMAIN\\user, user@domain or .\\user.');
  await expectFieldError(w, configure.labels.thumbprint, 'Enter the thumbprint of the SSL certificate.');
  await expectFieldError(w, configure.labels.httpsPort, 'Enter a port number from 1 to 65535.');
});
