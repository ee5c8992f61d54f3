import type { ConnectionReport } from '../../../shared/contract/methods/connection';
import { parseArgs, optionalString, UsageError } from '../args';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { HOST_OPTIONS, hostFromArgs } from '../host-options';
import { parseServiceUrl } from '../../engine/connection/service-url';
import { probeService } from '../../engine/connection/service-probe';

const MARK = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' } as const;

export const testConnectionCommand: Command = {
  name: 'test-connection',
  summary: 'Test connection from this computer to an Async Server URL (name, HTTPS port, certificate, web application, NetTcp port); exit 1 when a step fails.',
  usage: 'cdx-setup test-connection --url https://<server name>:port/<web application name> [--nettcp-port PORT] [--timeout SECONDS] [--rehearsal [SCENARIO]] [--sandbox DIR] [--json]',
  async run(argv, io) {
    const args = parseArgs(argv, { ...HOST_OPTIONS, url: 'string', 'nettcp-port': 'string', timeout: 'string', json: 'boolean' });
    if (args.positionals.length) throw new UsageError(`test-connection takes no argument "${args.positionals[0]}"; give the URL as --url URL.`);
    const text = optionalString(args.options.url);
    if (!text) throw new UsageError('--url is required: the Async Server URL, https://<server name>:port/<web application name>.');
    const url = parseServiceUrl(text);
    if (typeof url === 'string') throw new UsageError(`--url: ${url}`);
    const netTcpPort = integerOption(args.options['nettcp-port'], '--nettcp-port', 1, 65535);
    const timeoutSeconds = integerOption(args.options.timeout, '--timeout', 1, 60) ?? 10;
    const host = hostFromArgs(args);
    const json = args.options.json === true;
    if (!json) io.err(`Testing the connection to ${url.href} from ${host.description}…`);
    const report = await probeService(url, host.network, { netTcpPort, timeoutMs: timeoutSeconds * 1000 });
    io.out(json ? JSON.stringify(report, null, 2) : formatConnectionReport(report));
    return report.ok ? EXIT.ok : EXIT.failed;
  },
};

function integerOption(value: unknown, name: string, min: number, max: number): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max} (got "${String(value)}").`);
  return n;
}

export function formatConnectionReport(report: ConnectionReport): string {
  const lines = report.steps.flatMap((s) => [`${MARK[s.status]}  ${s.name}: ${s.message}`, ...(s.fix && s.status !== 'passed' ? [`      Fix: ${s.fix}`] : [])]);
  const failed = report.steps.filter((s) => s.status === 'failed').length;
  lines.push('', failed ? `${failed} step${failed === 1 ? '' : 's'} failed.` : 'Every step passed.');
  return lines.join('\n');
}
