import { asSettings } from '../../../../shared/components/async-server/parameters';
import { normalizeSettings } from '../../../../shared/components/async-server/rules';
import type { TopologyClash, TopologyInstance } from '../component';

/**
 * Two Async Server instances on one computer cannot share a website and application, nor a port between different
 * websites. Applications of one website share its bindings, so their ports are the website's.
 */
export function topologyClashes(listed: readonly TopologyInstance[]): TopologyClash[] {
  const clashes: TopologyClash[] = [];
  const instances = listed.map((entry) => ({ entry, s: normalizeSettings(asSettings(entry.settings)) }));
  for (let i = 0; i < instances.length; i++) {
    for (let j = i + 1; j < instances.length; j++) {
      const [a, b] = [instances[i], instances[j]];
      const pair = `lines ${a.entry.line} and ${b.entry.line}`;
      const sameSite = a.s.WebSiteName.toLowerCase() === b.s.WebSiteName.toLowerCase();
      if (sameSite && a.s.WebApplicationName.toLowerCase() === b.s.WebApplicationName.toLowerCase()) {
        clashes.push({ line: b.entry.line, key: 'WebApplicationName', message: `: ${pair} both install ${a.s.WebSiteName}/${a.s.WebApplicationName} on ${b.entry.computer}; give one instance another WebApplicationName.` });
      }
      if (sameSite) continue;
      const ports = (s: typeof a.s) => [s.WebSiteHttpsPort, s.WebSiteTcpPort].map((p) => p.trim()).filter(Boolean);
      const shared = ports(a.s).filter((p) => ports(b.s).includes(p));
      for (const port of shared) {
        clashes.push({ line: b.entry.line, key: b.s.WebSiteHttpsPort.trim() === port ? 'WebSiteHttpsPort' : 'WebSiteTcpPort', message: `: ${pair} both bind port ${port} on ${b.entry.computer}, for the websites ${a.s.WebSiteName} and ${b.s.WebSiteName}; give each website its own ports.` });
      }
    }
  }
  return clashes;
}
