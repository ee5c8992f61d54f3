import { rootCertificates } from 'node:tls';
import { resolveWithDns, type HostNetwork } from '../network';
import type { PowerShellRunner } from './powershell';

/** Every certificate of Cert:\LocalMachine\Root, DER as base64 (RawData exists on .NET 2.0 and later, so on PowerShell 4.0). */
export const ROOT_STORE_SCRIPT = `
@(Get-ChildItem -Path 'Cert:\\LocalMachine\\Root' | ForEach-Object { [Convert]::ToBase64String($_.RawData) })
`;

export function derBase64ToPem(base64: string): string {
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/**
 * This Windows computer's network: its own resolver (DNS and the hosts file), direct connections, and the roots of
 * Local Computer\Trusted Root Certification Authorities, where a service's clients trust certificates. Node.js's
 * public roots stand for those Windows adds by automatic root update when it first meets them.
 */
export class WindowsNetwork implements HostNetwork {
  constructor(private readonly powershell: PowerShellRunner) {}

  resolve(hostName: string): Promise<string[]> {
    return resolveWithDns(hostName);
  }

  async endpoint(host: string, port: number) {
    return { host, port };
  }

  async trustedRoots(): Promise<string[]> {
    const outcome = await this.powershell.run<unknown>(ROOT_STORE_SCRIPT, {});
    if (!outcome.ok) throw new Error(`The certificate store LocalMachine\\Root could not be read: ${outcome.error}`);
    // ConvertTo-Json turns a one-element array into the element itself.
    const raw = Array.isArray(outcome.value) ? outcome.value : outcome.value ? [outcome.value] : [];
    return [...raw.filter((v): v is string => typeof v === 'string').map(derBase64ToPem), ...rootCertificates];
  }
}
