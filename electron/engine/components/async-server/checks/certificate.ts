import { checkThumbprint, normalizeThumbprint } from '../../../../../shared/settings/rules';
import { error, notApplicable, passed, warning, WINDOWS_HOSTS } from '../../../prerequisites/check';
import { filesOnly, type AsyncServerCheck } from './async-server-check';

/** The certificate the HTTPS binding will use: in the chosen store, with its private key, current, for server authentication. */
export const certificateCheck: AsyncServerCheck = {
  id: 'certificate',
  title: 'SSL certificate',
  components: ['async-server'],
  hosts: WINDOWS_HOSTS,
  async run(ctx) {
    const skip = filesOnly(ctx);
    if (skip) return skip;
    const s = ctx.expanded;
    const raw = s.WebSiteSSLCertificateThumbprint;
    if (raw.trim() === '' && ctx.stage === 'before-configure') return notApplicable('No certificate is chosen yet: it is checked after Configure Async Server.');
    const problem = checkThumbprint(raw);
    if (problem) return error(`SSL certificate thumbprint (WebSiteSSLCertificateThumbprint): ${problem}`, 'Select the certificate on Configure Async Server, or paste its thumbprint from the certificate\'s Details tab.');
    const thumbprint = normalizeThumbprint(raw);
    const where = `${s.WebSiteSSLCertificateRootStore}\\${s.WebSiteSSLCertificateStore}`;
    const cert = (await ctx.host.listCertificates(s.WebSiteSSLCertificateRootStore, s.WebSiteSSLCertificateStore)).find((c) => c.thumbprint === thumbprint);
    if (!cert) {
      return error(`No certificate with the thumbprint ${thumbprint} is in the store ${where}.`, `Import the certificate, with its private key, into ${where} (certlm.msc, or Import-PfxCertificate), or choose a certificate that is there.`);
    }
    const name = `"${cert.subject}" (${thumbprint}, valid until ${cert.notAfter.slice(0, 10)})`;
    const blocking: string[] = [];
    if (!cert.hasPrivateKey) blocking.push('its private key is not in the store, so IIS cannot use it for HTTPS');
    if (cert.expired) blocking.push(`it is not valid now (valid from ${cert.notBefore.slice(0, 10)} to ${cert.notAfter.slice(0, 10)})`);
    if (!cert.serverAuthentication) blocking.push('it is not valid for server authentication (its enhanced key usage lacks 1.3.6.1.5.5.7.3.1)');
    if (blocking.length > 0) {
      return error(
        `The certificate ${name} in ${where} cannot secure Async Server: ${blocking.join('; ')}.`,
        cert.hasPrivateKey
          ? 'Use a current certificate issued for server authentication by a certification authority the Async Client computers trust.'
          : 'Import the certificate again from a PFX file that contains its private key (Import-PfxCertificate), or choose a certificate that has one.',
      );
    }
    if (cert.selfSigned) {
      return warning(
        `The certificate ${name} is self-signed: every Async Client computer must trust it, or they cannot connect.`,
        'Fine for a test environment: import this certificate into Trusted Root Certification Authorities on each Async Client computer. For production use a certificate issued by a trusted certification authority.',
      );
    }
    return passed(`The certificate ${name} is in ${where} with its private key, current, and valid for server authentication.`);
  },
};
