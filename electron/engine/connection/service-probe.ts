import type { ConnectionReport, ConnectionStep, PresentedCertificate } from '../../../shared/contract/methods/connection';
import type { HostNetwork } from '../hosts/network';
import { describePresented, presentedCertificate, untrustedVerdict } from './certificate-advice';
import { applicationPathStep } from './application-path';
import type { ServiceUrl } from './service-url';
import { tcpConnect } from './tcp-connect';
import { getPath, tlsHandshake } from './tls-handshake';

export interface ProbeOptions {
  netTcpPort: number | null;
  timeoutMs: number;
}

type Step = Omit<ConnectionStep, 'id'>;

const passed = (name: string, message: string): Step => ({ name, status: 'passed', message, fix: null });
const failed = (name: string, message: string, fix: string): Step => ({ name, status: 'failed', message, fix });
const skipped = (name: string, message: string, fix: string | null = null): Step => ({ name, status: 'skipped', message, fix });

/**
 * Test connection to an HTTPS service, step by step, as this computer sees the network: each step runs only when the
 * ones it stands on passed, and says why when it is skipped. Nothing is sent but a TLS handshake and an anonymous GET.
 */
export async function probeService(url: ServiceUrl, network: HostNetwork, options: ProbeOptions): Promise<ConnectionReport> {
  const steps: ConnectionStep[] = [];
  const add = (id: ConnectionStep['id'], step: Step) => steps.push({ id, ...step });
  const { hostName, port } = url;
  const server = hostName;
  let certificate: PresentedCertificate | null = null;

  const resolveName = `The name ${hostName} resolves`;
  const portName = `HTTPS port ${port} answers`;
  const trustName = 'The certificate is trusted by this computer';
  const certNameName = `The certificate is issued to ${hostName}`;
  const pathName = `The web application ${url.path} exists`;
  const netTcpName = options.netTcpPort === null ? 'The NetTcp port answers' : `NetTcp port ${options.netTcpPort} answers`;
  const skipRest = (reason: string, from: ConnectionStep['id'][]) => {
    const names: Record<string, string> = { 'https-port': portName, 'certificate-trusted': trustName, 'certificate-name': certNameName, 'application-path': pathName };
    for (const id of from) add(id, skipped(names[id], reason));
  };

  const addresses = await network.resolve(hostName);
  if (addresses.length === 0) {
    add('name-resolves', failed(resolveName, `This computer cannot resolve the name ${hostName}.`, `Check the server name in the URL, and that this computer's DNS servers (or its hosts file) know ${hostName}.`));
    skipRest(`Skipped: the name ${hostName} does not resolve.`, ['https-port', 'certificate-trusted', 'certificate-name', 'application-path']);
  } else {
    add('name-resolves', passed(resolveName, `${hostName} resolves to ${addresses.join(', ')}.`));
    const endpoint = await network.endpoint(hostName, port);
    const tcp = await tcpConnect(endpoint, options.timeoutMs);
    if (!tcp.ok) {
      add(
        'https-port',
        failed(portName, `Nothing answered on port ${port} of ${server}: ${tcp.detail}.`, `Check the port in the URL (the HTTPS port of the website on ${server}), that the website is started, and that Windows Firewall on ${server} and the network between allow TCP port ${port}.`),
      );
      skipRest(`Skipped: port ${port} of ${server} does not answer.`, ['certificate-trusted', 'certificate-name', 'application-path']);
    } else {
      add('https-port', passed(portName, `${server} accepts connections on port ${port}.`));
      const target = { endpoint, hostName, roots: await network.trustedRoots(), timeoutMs: options.timeoutMs };
      const handshake = await tlsHandshake(target);
      if (!handshake.ok) {
        add(
          'certificate-trusted',
          failed(trustName, `The TLS handshake with ${server} on port ${port} did not complete: ${handshake.detail}.`, `Check that port ${port} is the website's HTTPS port (not its HTTP or NetTcp port), and that the HTTPS binding on ${server} has a certificate and offers TLS 1.2.`),
        );
        skipRest('Skipped: the TLS handshake did not complete.', ['certificate-name', 'application-path']);
      } else {
        certificate = presentedCertificate(handshake.certificate);
        if (handshake.chainError) {
          const verdict = untrustedVerdict(handshake.chainError.code, handshake.chainError.message, certificate, server);
          add('certificate-trusted', failed(trustName, verdict.message, verdict.fix));
        } else {
          add('certificate-trusted', passed(trustName, `${server} presented ${describePresented(certificate)}, which this computer trusts.`));
        }
        if (handshake.nameError) {
          const names = certificate.dnsNames.length ? certificate.dnsNames.join(', ') : certificate.subject;
          add(
            'certificate-name',
            failed(
              certNameName,
              `The certificate ${server} presented is issued to ${names}, not to ${hostName}.`,
              `Enter a name the certificate has in the URL (${names}), or bind a certificate issued to ${hostName} on the server.`,
            ),
          );
        } else {
          add('certificate-name', passed(certNameName, `The certificate names ${hostName}.`));
        }
        add('application-path', applicationPathStep(pathName, url, await getPath({ ...target, path: url.path, port })));
      }
    }
  }

  if (options.netTcpPort === null) {
    add('nettcp-port', skipped(netTcpName, 'Skipped: streaming is not chosen, so the NetTcp port is not used (WS-ReliableMessaging goes over HTTPS).'));
  } else if (addresses.length === 0) {
    add('nettcp-port', skipped(netTcpName, `Skipped: the name ${hostName} does not resolve.`));
  } else {
    const tcp = await tcpConnect(await network.endpoint(hostName, options.netTcpPort), options.timeoutMs);
    add(
      'nettcp-port',
      tcp.ok
        ? passed(netTcpName, `${server} accepts connections on NetTcp port ${options.netTcpPort}.`)
        : failed(
            netTcpName,
            `Nothing answered on NetTcp port ${options.netTcpPort} of ${server}: ${tcp.detail}.`,
            `Check the NetTcp port (the website's TCP port on ${server}, where streaming is received), that the Net.Tcp Listener Adapter service runs there, and that Windows Firewall on ${server} allows TCP port ${options.netTcpPort}. Or clear streaming to use WS-ReliableMessaging over HTTPS.`,
          ),
    );
  }
  return { url: url.href, ok: steps.every((s) => s.status !== 'failed'), steps, certificate };
}
