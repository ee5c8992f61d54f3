import type { ComponentSettings } from '../../../../shared/components/component';
import { asSettings, type Settings } from '../../../../shared/components/async-server/parameters';
import type { OtherInstance } from '../component';

/** The instance's name on this computer: its web application's name, which `uninstall --instance` takes. */
export function instanceName(settings: Settings): string {
  return settings.WebApplicationName.trim();
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Why these settings cannot be installed beside the instances already on this computer (expanded settings on both
 * sides), or an empty list. Sharing a website is allowed when its ports are the same; the rest must differ.
 */
export function collisions(mineRaw: ComponentSettings, configure: boolean, others: OtherInstance[]): string[] {
  const mine = asSettings(mineRaw);
  const name = instanceName(mine);
  const problems: string[] = [];
  for (const { record, expanded } of others) {
    const o = asSettings(expanded);
    if (same(record.name, name)) continue;
    if (same(o.WebApplicationWorkingFolder, mine.WebApplicationWorkingFolder)) {
      problems.push(`The instance ${record.name} already uses the folder ${o.WebApplicationWorkingFolder}: choose another WebApplicationWorkingFolder.`);
    }
    if (!configure || !record.choices.configure) continue;
    const sameSite = same(o.WebSiteName, mine.WebSiteName);
    if (sameSite && o.WebSiteHttpsPort.trim() !== mine.WebSiteHttpsPort.trim()) {
      problems.push(`The website ${o.WebSiteName} already serves the instance ${record.name} on HTTPS port ${o.WebSiteHttpsPort}: use that port, or another website.`);
    }
    if (sameSite && o.WebSiteTcpPort.trim() !== mine.WebSiteTcpPort.trim()) {
      problems.push(`The website ${o.WebSiteName} already serves the instance ${record.name} on TCP port ${o.WebSiteTcpPort || '(none)'}: use that port, or another website.`);
    }
    if (!sameSite) {
      const theirs = [o.WebSiteHttpsPort, o.WebSiteTcpPort].map((p) => p.trim()).filter(Boolean);
      for (const port of [mine.WebSiteHttpsPort, mine.WebSiteTcpPort].map((p) => p.trim()).filter(Boolean)) {
        if (theirs.includes(port)) problems.push(`Port ${port} is already used by the website ${o.WebSiteName} of the instance ${record.name}.`);
      }
    }
    if (same(o.AppPoolName, mine.AppPoolName) && !same(o.AppPoolUser, mine.AppPoolUser)) {
      problems.push(`The application pool ${o.AppPoolName} of the instance ${record.name} runs as ${o.AppPoolUser || 'ApplicationPoolIdentity'}: use that user, or another app pool name.`);
    }
  }
  return problems;
}
