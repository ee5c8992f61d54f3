import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultScenarioCopy } from '../support/scenario-copy';
import { defaultSettings, type Settings } from '../../shared/components/async-server/parameters';
import { RehearsalHost } from '../../electron/engine/hosts/rehearsal/rehearsal-host';
import { loadScenario } from '../../electron/engine/hosts/rehearsal/scenario';
import { validatePrerequisites } from '../../electron/engine/prerequisites/validate';
import type { ValidationRequest } from '../../electron/engine/prerequisites/run-validation';

export const SCENARIOS = path.resolve('electron/engine/hosts/rehearsal/scenarios');
export const GOOD_THUMBPRINT = 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B';
export const NO_KEY_THUMBPRINT = '5003223A83C72CAF73C10884D1DD72F1CFBD0BD7';
export const EXPIRED_THUMBPRINT = '5EC1C8BBA6F09557FFB3733C93CFDC1138EFA0DB';
export const SELF_SIGNED_THUMBPRINT = '0C7D6292433AC4D55ABBC5329577A5524CBC20D6';

export function tempDir(prefix = 'cdx-prereq-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The default scenario with some sections replaced, written to a temp file (certificates point at the shipped ones). */
export function scenarioFile(patch: (s: Record<string, any>) => void = () => {}): string {
  return defaultScenarioCopy((scenario) => {
    scenario.certificates.push({ store: 'My', certificate: path.join(SCENARIOS, 'default/certs/self-signed.pem'), privateKey: path.join(SCENARIOS, 'default/certs/self-signed.key') });
    patch(scenario);
  });
}

export function rehearsalHost(file = path.join(SCENARIOS, 'default/scenario.json')): RehearsalHost {
  return new RehearsalHost(loadScenario(file), tempDir('cdx-sandbox-'));
}

/** Settings a user would have entered by page 8 on the default scenario. */
export function chosenSettings(patch: Partial<Settings> = {}): Settings {
  return {
    ...defaultSettings(),
    HQMessageDatabaseServerName: 'SQLHQ01',
    HQMessageDatabase: 'AsyncServerMessageDB',
    AppPoolUser: 'CONTOSO\\svc-async',
    AOSServiceUser: 'CONTOSO\\svc-aos',
    WebSiteHttpsPort: '8443',
    WebSiteSSLCertificateThumbprint: GOOD_THUMBPRINT,
    ...patch,
  };
}

export function afterConfigure(settings: Settings = chosenSettings(), extra: Partial<ValidationRequest> = {}): ValidationRequest {
  return { stage: 'after-configure', components: ['async-server'], settings, configure: true, passwordProvided: true, ...extra };
}

export async function resultOf(id: string, host: RehearsalHost, request = afterConfigure()) {
  const report = await validatePrerequisites(request, { host, toolVersion: 'test' });
  const result = report.results.find((r) => r.id === id);
  if (!result) throw new Error(`no result for ${id}`);
  return result;
}
