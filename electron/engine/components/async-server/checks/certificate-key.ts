import { accountForm, expandLocalAccount } from '../../../../../shared/settings/accounts';
import { checkAccount, checkThumbprint, normalizeThumbprint } from '../../../../../shared/settings/rules';
import { grantsRead, describeKeyRights } from '../../../hosts/machine/key-rights';
import { keyProblem, keyProblemFix } from '../../../plan/operations/certificate-key';
import { error, notApplicable, passed, WINDOWS_HOSTS } from '../../../prerequisites/check';
import { filesOnly, type AsyncServerCheckContext, type AsyncServerCheck } from './async-server-check';

/**
 * The private key of the SSL certificate must be readable by the app pool identity, or the HTTPS binding fails its
 * handshakes (a classic cause of a failing Async Server). Setup grants it Read on the key file, which it can only do
 * when it finds the file and may read its permissions: when it cannot, the grant would fail for certain, so this is
 * an error, never skipped. The certificate itself (in the store, with its key, current) is the SSL certificate check's.
 */
export const certificateKeyCheck: AsyncServerCheck = {
  id: 'certificate-private-key',
  title: 'Private key of the SSL certificate',
  components: ['async-server'],
  hosts: WINDOWS_HOSTS,
  async run(ctx) {
    const skip = filesOnly(ctx);
    if (skip) return skip;
    const s = ctx.expanded;
    const raw = s.WebSiteSSLCertificateThumbprint;
    if (raw.trim() === '' || checkThumbprint(raw)) return notApplicable('No valid certificate thumbprint is chosen yet: the SSL certificate check says so.');
    const thumbprint = normalizeThumbprint(raw);
    const store = s.WebSiteSSLCertificateStore;
    const key = await ctx.host.machine.findCertificateKey(thumbprint, store);
    if (key.status === 'no-certificate' || key.status === 'no-private-key') {
      return notApplicable(`The certificate ${thumbprint} has no private key in LocalMachine\\${store}: the SSL certificate check says what to do.`);
    }
    const listed = (await ctx.host.listCertificates('LocalMachine', store)).find((c) => c.thumbprint === thumbprint);
    const name = `the certificate ${listed ? `"${listed.subject}" (${thumbprint})` : thumbprint}`;
    const problem = keyProblem(key, name);
    if (key.status !== 'found' || problem) return error(problem ?? '', keyProblemFix(key, store));
    const where = `Its private key is a ${key.provider === 'CNG' ? 'CNG' : 'CryptoAPI (CSP)'} key, ${key.file}`;
    const identity = await poolIdentity(ctx);
    if (!identity) return passed(`${where}, whose permissions Setup can change: it grants the app pool identity Read on it.`);
    if (identity.virtual && !(await ctx.host.machine.readAppPool(s.AppPoolName.trim()))) {
      return passed(`${where}, whose permissions Setup can change: it grants ${identity.written} Read on it once it has created the application pool.`);
    }
    const rule = await ctx.host.machine.readKeyAccess(key.file, identity.reference).catch(() => null);
    if (rule && grantsRead(rule.rights)) {
      return passed(`The app pool identity ${identity.written} already has ${describeKeyRights(rule.rights)} on the private key of ${name} (${key.file}): Setup leaves its rule as it is.`);
    }
    return passed(`${where}, whose permissions Setup can change: it grants the app pool identity ${identity.written} Read on it.`);
  },
};

/**
 * The app pool identity as the permission scripts name it (as Async Server's service-accounts.ts resolves it, which
 * this frame check may not import): the pool's virtual account, a built-in by its SID, a UPN as DOMAIN\user, .\user
 * expanded. null when the name is not valid or does not resolve: the accounts check reports that.
 */
async function poolIdentity(ctx: AsyncServerCheckContext): Promise<{ written: string; reference: string; virtual: boolean } | null> {
  const user = ctx.expanded.AppPoolUser.trim();
  const pool = ctx.expanded.AppPoolName.trim();
  if (user === '') return pool ? { written: `IIS AppPool\\${pool}`, reference: `IIS AppPool\\${pool}`, virtual: true } : null;
  if (checkAccount(user, 'app pool account')) return null;
  const form = accountForm(user);
  if (form?.form === 'built-in') return { written: user, reference: form.sid, virtual: false };
  if (form?.form === 'upn') {
    const resolved = (await ctx.host.facts.resolveAccounts([user]))?.[user];
    return resolved ? { written: user, reference: resolved.name, virtual: false } : null;
  }
  return { written: user, reference: expandLocalAccount(user, (await ctx.host.facts.computerIdentity()).name), virtual: false };
}
