import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RehearsalHost } from '../electron/engine/hosts/rehearsal/rehearsal-host';
import { loadScenario } from '../electron/engine/hosts/rehearsal/scenario';
import { validatePrerequisites } from '../electron/engine/prerequisites/validate';
import { defaultSettings } from '../shared/components/async-server/parameters';
import { figure, median, type BenchModule } from './figure';

/**
 * Whether the checks really run side by side: the whole validation's wall time against its slowest single check in
 * the same run. Each of the rehearsal computer's answers takes 300 ms, as a PowerShell query does, so a validation
 * run one check after another would take several times its slowest check.
 */
const SCENARIOS = path.resolve('electron/engine/hosts/rehearsal/scenarios');

export default {
  title: 'Prerequisite validation: parallel checks',
  async run() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cdx-bench-validation-'));
    try {
      const scenario = JSON.parse(readFileSync(path.join(SCENARIOS, 'default/scenario.json'), 'utf8'));
      for (const c of scenario.certificates) {
        c.certificate = path.join(SCENARIOS, 'default', c.certificate);
        if (c.privateKey) c.privateKey = path.join(SCENARIOS, 'default', c.privateKey);
      }
      scenario.computer.factDelayMs = 300;
      const file = path.join(dir, 'scenario.json');
      writeFileSync(file, JSON.stringify(scenario));
      const host = new RehearsalHost(loadScenario(file), path.join(dir, 'sandbox'));
      const settings = {
        ...defaultSettings(),
        HQMessageDatabaseServerName: 'SQLHQ01',
        HQMessageDatabase: 'AsyncServerMessageDB',
        AppPoolUser: 'CONTOSO\\svc-async',
        WebSiteHttpsPort: '8443',
        WebSiteSSLCertificateThumbprint: 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B',
      };
      const walls: number[] = [];
      const slowest: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const report = await validatePrerequisites(
          { stage: 'after-configure', components: ['async-server'], settings, configure: true, passwordProvided: true },
          { host, toolVersion: 'bench' },
        );
        walls.push(performance.now() - started);
        slowest.push(Math.max(...report.results.map((r) => r.durationMs)));
      }
      return [
        figure({
          name: 'whole validation vs its slowest check (each answer 300 ms)',
          value: median(walls),
          baseline: median(slowest),
          unit: 'ms',
          baselineName: 'slowest single check',
          aim: '≤ 1.3',
          best: 'lower',
          target: 1.3,
        }),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
} satisfies BenchModule;
