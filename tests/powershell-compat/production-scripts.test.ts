import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../../electron/engine/plan/build-plan';
import { exportPlanScript } from '../../electron/engine/plan/export-script';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scenariosRoot } from '../../electron/engine/hosts/create-host';
import { RehearsalHost } from '../../electron/engine/hosts/rehearsal/rehearsal-host';
import { loadScenario } from '../../electron/engine/hosts/rehearsal/scenario';
import { SupportFiles } from '../../electron/engine/support-files/support-files';
import { clientSettings } from '../components/async-client/helpers';
import { CHOICES, goodSettings, rehearsal } from '../install/support';
import { checkForPowerShell4, describeVerdict, type NamedScript, type ScriptVerdict } from './ps4-checker';
import { productionScripts, scriptModuleFiles } from './production-scripts';

async function exportedClient(): Promise<NamedScript> {
  const host = new RehearsalHost(loadScenario(path.join(scenariosRoot(), 'store', 'scenario.json')), mkdtempSync(path.join(os.tmpdir(), 'cdx-ps4-store-')));
  const supportDir = await new SupportFiles(host).realDir();
  const plan = await buildPlan(host, supportDir, { component: 'async-client', settings: clientSettings(), choices: { ...CHOICES, components: ['async-client'] }, passwordProvided: true });
  return { name: 'plan --export-script (Async Client)', text: exportPlanScript(plan, 'test') };
}

/**
 * Windows Server 2012 R2 ships Windows PowerShell 4.0: every script CDX Setup runs on a computer, and the plan exported
 * for admins, must do without what came later (ps4-rules.ts lists it, with the reasons).
 */
describe('the production PowerShell on Windows PowerShell 4.0', () => {
  let scripts: NamedScript[];
  let verdicts: ScriptVerdict[];

  beforeAll(async () => {
    const env = await rehearsal();
    const exported = async (name: string, patch: Parameters<typeof goodSettings>[0]) => {
      const plan = await buildPlan(env.host, env.supportDir, { settings: goodSettings(patch), choices: CHOICES, passwordProvided: true });
      return { name, text: exportPlanScript(plan, 'test') };
    };
    scripts = [
      ...(await productionScripts()),
      // A specific user with a TCP port, and a built-in identity without one: every branch of the exporter.
      await exported('plan --export-script (specific user, net.tcp)', { WebSiteTcpPort: '808' }),
      await exported('plan --export-script (Network Service, no TCP port)', { AppPoolUser: 'NT Authority\\Network Service', WebSiteTcpPort: '' }),
      // Async Client: its Windows service of a named account, Log on as a service, its configuration file.
      await exportedClient(),
    ];
    verdicts = checkForPowerShell4(scripts);
  }, 120_000);

  it('finds the scripts in their modules, the host scripts and the bootstrap among them', () => {
    const names = scripts.map((s) => s.name);
    // Anchors only: the list itself comes from the modules, so a new script is checked without being named here.
    expect(names).toContain('electron/engine/hosts/windows/powershell.ts BOOTSTRAP');
    expect(names).toContain('electron/engine/hosts/windows/facts-scripts.ts COMPUTER_FACTS_SCRIPT');
    expect(names).toContain('electron/engine/hosts/windows/certificates.ts LIST_CERTIFICATES_SCRIPT');
    expect(names.filter((n) => n.includes('windows-scripts.ts SCRIPTS.')).length).toBeGreaterThanOrEqual(15);
    expect(scriptModuleFiles().length).toBeGreaterThanOrEqual(4);
    console.log(`PowerShell 4.0 check: ${scripts.length} scripts from ${scriptModuleFiles().length} modules and the exported plan.`);
  });

  it('uses nothing that Windows PowerShell 4.0 lacks, and parses', () => {
    expect(verdicts.flatMap(describeVerdict)).toEqual([]);
  });
});
