import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, optionalString, portOption, UsageError } from '../args';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { HOST_OPTIONS, hostFromArgs } from '../host-options';
import { rendererRoot } from '../paths';
import { isLoopback } from '../../console/loopback';
import { ConsoleError, startConsole } from '../../console/server';
import { createEngine } from '../../engine/create-engine';
import type { Host } from '../../engine/hosts/host';
import { normalizeThumbprint, ServerCertificateError, type ServerCertificate } from '../../engine/hosts/server-certificate';
import { TOOL_VERSION } from '../../engine/version';

export const consoleCommand: Command = {
  name: 'console',
  summary: 'Serve the wizard and its API on this computer, for Server Core, remote sessions and tests.',
  usage:
    'cdx-setup console [--rehearsal [SCENARIO]] [--sandbox DIR] [--port N] [--listen ADDRESS (--tls-cert FILE --tls-key FILE | --tls-thumbprint THUMBPRINT)]',
  async run(argv, io) {
    const args = parseArgs(argv, { ...HOST_OPTIONS, port: 'string', listen: 'string', 'tls-cert': 'string', 'tls-key': 'string', 'tls-thumbprint': 'string' });
    if (args.positionals.length) throw new UsageError(`console takes no argument "${args.positionals[0]}".`);
    const listen = optionalString(args.options.listen) ?? '127.0.0.1';
    const certFile = optionalString(args.options['tls-cert']);
    const keyFile = optionalString(args.options['tls-key']);
    const thumbprint = optionalString(args.options['tls-thumbprint']);
    if (Boolean(certFile) !== Boolean(keyFile)) throw new UsageError('--tls-cert and --tls-key go together.');
    if (certFile && thumbprint) throw new UsageError('Give either --tls-cert and --tls-key or --tls-thumbprint, not both.');
    if (!isLoopback(listen) && !certFile && !thumbprint) {
      throw new UsageError(
        `Listening on ${listen} would expose the console beyond this computer: serve it over HTTPS with --tls-thumbprint THUMBPRINT (a certificate of Cert:\\LocalMachine\\My, such as Async Server's) or --tls-cert FILE and --tls-key FILE.`,
      );
    }
    const host = hostFromArgs(args);
    const staticRoot = rendererRoot(io.env);
    if (!existsSync(path.join(staticRoot, 'index.html'))) {
      io.err(`The wizard is not built (no ${path.join(staticRoot, 'index.html')}): run npm run build first.`);
      return EXIT.failed;
    }
    let tls: ServerCertificate | undefined;
    try {
      tls = certFile && keyFile ? fileCertificate(certFile, keyFile) : thumbprint ? await storeCertificate(host, thumbprint) : undefined;
    } catch (err) {
      if (!(err instanceof ServerCertificateError)) throw err;
      io.err(`cdx-setup console: ${err.message}`);
      return EXIT.badInput;
    }
    const engine = createEngine({ host, toolVersion: TOOL_VERSION });
    let running;
    try {
      running = await startConsole({ engine, staticRoot, port: portOption(args.options.port, 'port') ?? 0, listen, tls });
    } catch (err) {
      if (err instanceof ConsoleError) {
        io.err(err.message);
        return EXIT.badInput;
      }
      throw err;
    }
    if (host.rehearsal) io.err(`Rehearsal: ${host.description}. Nothing on this computer is changed outside ${host.rehearsal.sandboxRoot}.`);
    io.out(`CDX Setup console: ${running.url}`);
    io.err('Press Ctrl+C to stop the console.');
    await io.untilStopped();
    await running.close();
    return EXIT.ok;
  },
};

async function storeCertificate(host: Host, value: string): Promise<ServerCertificate> {
  return host.serverCertificate(normalizeThumbprint(value));
}

function fileCertificate(certFile: string, keyFile: string): ServerCertificate {
  const cert = readFileOrUsage(certFile, '--tls-cert');
  const key = readFileOrUsage(keyFile, '--tls-key');
  try {
    return { tls: { cert, key }, certificate: new X509Certificate(cert) };
  } catch {
    throw new UsageError(`--tls-cert ${certFile} is not a PEM or DER certificate.`);
  }
}

function readFileOrUsage(file: string, option: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new UsageError(`${option} ${file} cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
  }
}
