import { defaultSettings } from '../../shared/components/async-server/parameters';
import { checkAccount, checkIisName, checkPort, checkThumbprint } from '../../shared/settings/rules';
import { validateSettings } from '../../shared/components/async-server/rules';
import { expect, test } from '../support/fixtures';
import { expectFieldError, expectFieldValid, expectFieldWarning, expectNextRefused } from '../support/field-checks';
import { configure } from '../support/pages/configure';
import { GOOD, reachPage } from '../support/wizard';

const L = configure.labels;

/** Each rule of shared/settings/rules.ts that applies to a field, with the message the rule itself produces. */
const ERRORS: { label: string; bad: string; message: string | null; good: string }[] = [
  { label: L.applicationName, bad: 'Async/Server?', message: checkIisName('Async/Server?', 'application name'), good: GOOD.applicationName },
  { label: L.applicationName, bad: ' AsyncServer', message: checkIisName(' AsyncServer', 'application name'), good: GOOD.applicationName },
  { label: L.applicationName, bad: 'A'.repeat(65), message: checkIisName('A'.repeat(65), 'application name'), good: GOOD.applicationName },
  { label: L.appPoolName, bad: '', message: checkIisName('', 'app pool name'), good: 'AsyncServer' },
  { label: L.appPoolName, bad: 'Pool:1;2', message: checkIisName('Pool:1;2', 'app pool name'), good: 'AsyncServer' },
  { label: L.websiteName, bad: 'Site<1>', message: checkIisName('Site<1>', 'website name'), good: 'AsyncServerSite' },
  { label: L.websiteName, bad: 'Site ', message: checkIisName('Site ', 'website name'), good: 'AsyncServerSite' },
  { label: L.userName, bad: 'svc-async', message: checkAccount('svc-async', 'app pool user'), good: GOOD.userName },
  { label: L.userName, bad: 'NT Authority\\Bogus', message: checkAccount('NT Authority\\Bogus', 'app pool user'), good: GOOD.userName },
  { label: L.userName, bad: 'CONTOSO\\', message: checkAccount('CONTOSO\\', 'app pool user'), good: GOOD.userName },
  { label: L.userName, bad: 'CONTOSO\\svc*async', message: checkAccount('CONTOSO\\svc*async', 'app pool user'), good: GOOD.userName },
  { label: L.userName, bad: 'A\\B\\C', message: checkAccount('A\\B\\C', 'app pool user'), good: GOOD.userName },
  { label: L.userName, bad: 'bad domain!\\svc', message: checkAccount('bad domain!\\svc', 'app pool user'), good: GOOD.userName },
  { label: L.userName, bad: 'svc@nodot', message: checkAccount('svc@nodot', 'app pool user'), good: GOOD.userName },
  { label: L.httpsPort, bad: '0', message: checkPort('0', true), good: GOOD.httpsPort },
  { label: L.httpsPort, bad: '65536', message: checkPort('65536', true), good: GOOD.httpsPort },
  { label: L.httpsPort, bad: 'abc', message: checkPort('abc', true), good: GOOD.httpsPort },
  { label: L.httpsPort, bad: '', message: checkPort('', true), good: GOOD.httpsPort },
  { label: L.tcpPort, bad: '0', message: checkPort('0', false), good: GOOD.tcpPort },
  { label: L.tcpPort, bad: '65536', message: checkPort('65536', false), good: GOOD.tcpPort },
  { label: L.tcpPort, bad: 'abc', message: checkPort('abc', false), good: GOOD.tcpPort },
  { label: L.aosServiceUser, bad: 'svc-aos', message: checkAccount('svc-aos', 'AOS service user'), good: 'NT Authority\\Network Service' },
  { label: L.aosServiceUser, bad: 'NT Authority\\Netwrk Service', message: checkAccount('NT Authority\\Netwrk Service', 'AOS service user'), good: 'NetworkService' },
  { label: L.thumbprint, bad: 'XYZ', message: checkThumbprint('XYZ'), good: GOOD.thumbprint },
  { label: L.thumbprint, bad: 'D0743827EF', message: checkThumbprint('D0743827EF'), good: GOOD.thumbprint },
  { label: L.thumbprint, bad: '', message: checkThumbprint(''), good: GOOD.thumbprint },
];

function warningFor(httpsPort: string) {
  return validateSettings({ ...defaultSettings(), WebSiteHttpsPort: httpsPort }, { configure: true }).find(
    (i) => i.field === 'WebSiteHttpsPort' && i.severity === 'warning',
  )!.message;
}

test.describe('Configure Async Server: every field rule is shown inline and blocks Next', () => {
  test('each bad entry shows its rule\'s message on its field, and Next stays until it is corrected', async ({ wizard: w }) => {
    await reachPage(w, 'configure');
    await configure.fill(w, GOOD);
    for (const c of ERRORS) {
      await test.step(`${c.label}: ${JSON.stringify(c.bad)}`, async () => {
        expect(c.message, 'the rule rejects this value').not.toBeNull();
        await w.fill(c.label, c.bad);
        await expectFieldError(w, c.label, c.message!);
        await expectNextRefused(w, configure.heading);
        await w.fill(c.label, c.good);
        await expectFieldValid(w, c.label);
      });
    }
    // Corrected everywhere: Next goes on.
    await w.next();
    await expect(w.heading()).not.toHaveText(configure.heading);
  });

  test('equal HTTPS and TCP ports are refused on the TCP port', async ({ wizard: w }) => {
    await reachPage(w, 'configure');
    await configure.fill(w, { ...GOOD, httpsPort: '8443', tcpPort: '8443' });
    const message = validateSettings({ ...defaultSettings(), WebSiteHttpsPort: '8443', WebSiteTcpPort: '8443' }, { configure: true }).find(
      (i) => i.field === 'WebSiteTcpPort',
    )!.message;
    await expectFieldError(w, L.tcpPort, message);
    await expectNextRefused(w, configure.heading);
  });

  test('a domain account without a password is refused; a built-in account needs none', async ({ wizard: w }) => {
    await reachPage(w, 'configure');
    await configure.fill(w, GOOD);
    await w.fill(L.password, '');
    await expectFieldError(w, L.password, 'Enter the password of the app pool user.');
    await expectNextRefused(w, configure.heading);

    await w.fill(L.userName, 'NT Authority\\Network Service');
    await expect(w.field(L.password)).toBeDisabled();
    await expect(w.field(L.password)).toHaveAccessibleDescription(/Built-in accounts have no password\./);
    await reachPage(w, 'database');
  });

  test('port 443 warns but does not block Next', async ({ wizard: w }) => {
    await reachPage(w, 'configure');
    await configure.fill(w, { ...GOOD, httpsPort: '443' });
    await expectFieldWarning(w, L.httpsPort, warningFor('443'));
    await reachPage(w, 'ready');
    await expect(w.page.getByRole('table', { name: 'Async Server' }).getByRole('row', { name: /HTTPS port/ })).toContainText('443');
  });

  test('a thumbprint pasted with U+200E and spaces is cleaned and accepted', async ({ wizard: w }) => {
    await reachPage(w, 'configure');
    const pasted = `\u200E${GOOD.thumbprint.toLowerCase().replace(/(..)/g, '$1 ')}\u200E`;
    await configure.fill(w, { ...GOOD, thumbprint: pasted });
    await expect(w.field(L.thumbprint)).toHaveValue(GOOD.thumbprint);
    await expectFieldValid(w, L.thumbprint);
    await reachPage(w, 'ready');
    await expect(w.page.getByRole('table', { name: 'Async Server' }).getByRole('row', { name: /SSL certificate thumbprint/ })).toContainText(GOOD.thumbprint);
  });
});
