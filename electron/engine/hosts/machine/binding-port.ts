import type { SiteBinding } from './machine';

/** The port of an IIS binding: `*:8443:` (http, https) or `808:*` (net.tcp); null when it names none. */
export function bindingPort(binding: SiteBinding): number | null {
  const part = binding.protocol === 'net.tcp' ? binding.bindingInformation.split(':')[0] : binding.bindingInformation.split(':')[1];
  const port = Number(part);
  return Number.isInteger(port) && port > 0 && port <= 65535 ? port : null;
}
