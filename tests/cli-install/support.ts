import { defaultSettings, type Settings } from '../../shared/components/async-server/parameters';
import { runCli } from '../../electron/cli/cli';
import { cliIo } from '../support/cli-io';

export { cliIo };


/**
 * An ss-settings.xml for the rehearsal computer: the good values of the default scenario, and the guide's default
 * binary folder, which the default scenario holds the payload in (payloadFolders).
 */
export function settingsXml(patch: Partial<Settings>, choices = ''): string {
  const settings: Settings = {
    ...defaultSettings(),
    HQMessageDatabaseServerName: 'SQLHQ01',
    HQMessageDatabase: 'AsyncServerMessageDB',
    AppPoolUser: 'CONTOSO\\svc-async',
    AOSServiceUser: 'CONTOSO\\svc-aos',
    WebSiteHttpsPort: '8443',
    WebSiteSSLCertificateThumbprint: 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B',
    WebApplicationServiceBinarySourceFolder: 'C:\\Program Files (x86)\\Microsoft Dynamics AX\\60\\CDX\\Async Server\\6.3',
    ...patch,
  };
  const lines = Object.entries(settings).map(([k, v]) => `  <Setting key="${k}" value="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" />`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<Settings>\n${lines.join('\n')}\n${choices ? `  ${choices}\n` : ''}</Settings>\n`;
}

export async function instancesOn(sandbox: string, scenario?: string): Promise<string[]> {
  const run = cliIo();
  await runCli(['instances', '--json', scenario ? `--rehearsal=${scenario}` : '--rehearsal', '--sandbox', sandbox], run.io);
  return JSON.parse(run.out.join('')).instances.map((i: { name: string }) => i.name);
}
