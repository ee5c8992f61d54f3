import { validateSettings } from '../../../../../shared/components/async-server/rules';
import type { PortProbe } from '../../../hosts/facts';
import { ALL_HOSTS, error, notApplicable, type CheckOutcome } from '../../../prerequisites/check';
import { filesOnly, type AsyncServerCheckContext, type AsyncServerCheck } from './async-server-check';
import { sitePorts, type ModifiedInstance, type SitePorts } from '../../../prerequisites/modified-instance';

const PORT_FIELDS = { WebSiteHttpsPort: 'HTTPS port', WebSiteTcpPort: 'TCP port' } as const;
type PortField = keyof typeof PORT_FIELDS;

/**
 * HTTPS and TCP ports: valid and distinct by the shared rules, then free on the computer (a real bind, or the
 * scenario and the rehearsal's IIS sites). A port the website these settings name already binds is not in the way:
 * IIS holds it for that very site, which the instance is (Add or modify components) or joins (a shared website).
 * Nor is a TCP port that the Net.Tcp Port Sharing Service (SMSvcHost.exe) holds: net.tcp listens through it.
 */
export const portsCheck: AsyncServerCheck = {
  id: 'ports',
  title: 'HTTPS and TCP ports free',
  components: ['async-server'],
  hosts: ALL_HOSTS,
  async run(ctx) {
    const skip = filesOnly(ctx);
    if (skip) return skip;
    const s = ctx.expanded;
    const httpsPending = ctx.stage === 'before-configure' && s.WebSiteHttpsPort.trim() === '';
    const fields = (Object.keys(PORT_FIELDS) as PortField[]).filter((f) => !(f === 'WebSiteHttpsPort' && httpsPending));
    const issues = validateSettings(s, { configure: true }).filter((i) => (fields as string[]).includes(i.field));
    const ruleErrors = issues.filter((i) => i.severity === 'error');
    if (ruleErrors.length > 0) {
      return error(
        ruleErrors.map((i) => `${PORT_FIELDS[i.field as PortField]} (${i.field}): ${i.message}`).join(' '),
        'Correct the ports on Configure Async Server (or WebSiteHttpsPort and WebSiteTcpPort in the settings file).',
      );
    }
    const chosen = fields.filter((f) => s[f].trim() !== '').map((f) => ({ field: f, port: Number(s[f]) }));
    if (chosen.length === 0) return notApplicable('No port is chosen yet: the ports are checked after Configure Async Server.');
    const probes = await ctx.host.facts.probePorts(chosen.map((c) => c.port));
    const label = (port: number) => chosen.filter((c) => c.port === port).map((c) => `${PORT_FIELDS[c.field]} ${port}`)[0];
    const sites = await websites(ctx, probes);
    // net.tcp shares a port through the Net.Tcp Port Sharing Service: SMSvcHost.exe holding the TCP port is no conflict.
    const shared = (p: PortProbe) => p.state === 'in-use' && p.owner?.toLowerCase() === 'smsvchost' && chosen.some((c) => c.field === 'WebSiteTcpPort' && c.port === p.port);
    // IIS holds the ports of the website these settings name for that very site: the instance joins it, or is it.
    const held = (p: PortProbe) => (p.state !== 'free' && sites.target?.ports.has(p.port) === true) || shared(p);
    const busy = probes.filter((p) => p.state === 'in-use' && !held(p));
    const unknown = probes.filter((p) => p.state === 'unknown' && !held(p));
    const ruleWarnings = issues.filter((i) => i.severity === 'warning').map((i) => `${PORT_FIELDS[i.field as PortField]}: ${i.message}`);
    const notes = [...ruleWarnings, ...(httpsPending ? ['The HTTPS port is chosen on Configure Async Server and checked after it.'] : [])];
    const heldText = (p: PortProbe) =>
      shared(p) && sites.target?.ports.has(p.port) !== true
        ? `${label(p.port)} is held by the Net.Tcp Port Sharing Service (SMSvcHost.exe), through which net.tcp shares it: it is not in the way.`
        : sites.own
        ? `${label(p.port)} is this instance's own binding (the website ${sites.target?.site} of ${ctx.modifying?.record.name}): it is not in the way.`
        : `${label(p.port)} is bound by the website ${sites.target?.site}, which this instance joins: it is not in the way.`;
    const freeText = [...probes.filter((p) => p.state === 'free').map((p) => `${label(p.port)} is free.`), ...probes.filter(held).map(heldText)];
    const heldByLeftSite = (p: PortProbe) =>
      sites.left?.ports.has(p.port) ? ` (the website ${sites.left.site} of ${ctx.modifying?.record.name} holds it, and these settings move the instance to the website ${s.WebSiteName})` : '';
    if (busy.length > 0) {
      return outcome('error', [...busy.map((p) => `${label(p.port)} is in use: ${p.detail ?? 'another program listens on it'}${heldByLeftSite(p)}.`), ...freeText, ...notes],
        `Choose ${busy.length === 1 ? 'another port' : 'other ports'} on Configure Async Server, or stop the program that uses ${busy.length === 1 ? 'it' : 'them'} (netstat -abno shows which one).`);
    }
    if (unknown.length > 0 || ruleWarnings.length > 0) {
      return outcome('warning', [...unknown.map((p) => `${label(p.port)}: ${p.detail ?? 'could not be tested'}.`), ...freeText, ...notes],
        unknown.length > 0 ? 'Run the validation as an administrator to test these ports.' : 'Use a nonstandard HTTPS port, as the guide recommends, unless port 443 is free and meant for Async Server.');
    }
    return outcome('passed', [...freeText, ...notes], '');
  },
};

/**
 * The website these settings name, as IIS has it (asked only when a port is taken), whether it is the modified
 * instance's own, and the instance's former website when these settings leave it (its ports are still held).
 */
async function websites(ctx: AsyncServerCheckContext, probes: PortProbe[]): Promise<{ target: SitePorts | null; own: boolean; left: SitePorts | null }> {
  if (probes.every((p) => p.state === 'free')) return { target: null, own: false, left: null };
  const mine = ctx.expanded.WebSiteName.trim();
  const previous = instanceSite(ctx.modifying);
  const own = previous !== null && previous.toLowerCase() === mine.toLowerCase();
  return { target: await sitePorts(ctx.host, mine), own, left: previous !== null && !own ? await sitePorts(ctx.host, previous) : null };
}

function outcome(status: CheckOutcome['status'], lines: string[], fix: string): CheckOutcome {
  return { status, details: lines.join(' '), fix };
}

/** The modified instance's website, when it configured one (an instance of files only has none). */
function instanceSite(instance: ModifiedInstance | null): string | null {
  return instance?.record.choices.configure ? (instance.expanded.WebSiteName ?? '').trim() : null;
}
