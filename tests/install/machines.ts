import { readFileSync } from 'node:fs';
import type { Host } from '../../electron/engine/hosts/host';
import { buildPlan } from '../../electron/engine/plan/build-plan';
import { SupportFiles } from '../../electron/engine/support-files/support-files';
import { fakeWindows, sqlcmdOnPath, type FakeState, type FakeWindows } from '../support/fake-windows';
import { CHOICES, goodSettings, install, rehearsal, SHARED_DATABASE, STOPPED_SERVICES } from './support';

/**
 * The engine tests run on two machines: the rehearsal host, and Windows in PowerShell (the real WindowsHost, its
 * scripts in pwsh against the fake Windows of tests/windows-fake). Both are a sandbox the tests compare before and
 * after; each says how to make one of its operations fail.
 */
export interface TestMachine {
  host: Host;
  supportDir: string;
  sandbox: string;
  /** Files the machine writes outside its sandbox (the fake's change log), which must not hold a secret either. */
  outsideFiles: string[];
  close(): Promise<void>;
}

export interface FaultCase {
  operationId: string;
  /** A fresh machine on which that operation fails with a message containing `Injected fault at <id>`. */
  machine(): Promise<TestMachine>;
}

export interface MachineKind {
  name: string;
  fresh(): Promise<TestMachine>;
  /** One case per operation of the plan that can fail on this machine; `untestable` names the others. */
  faultCases(): Promise<{ cases: FaultCase[]; untestable: string[] }>;
}

/** The first instance of the fault tests: a machine with history, so rollback must also keep what was there. */
export const EXISTING = goodSettings({
  WebApplicationName: 'Existing',
  AppPoolName: 'Existing',
  WebSiteName: 'ExistingSite',
  WebSiteHttpsPort: '9443',
  WebSiteTcpPort: '909',
  WebSiteWorkingFolder: 'C:\\inetpub\\ExistingSite',
});

const rehearsalKind: MachineKind = {
  name: 'the rehearsal host',
  async fresh() {
    return { ...(await rehearsal()), outsideFiles: [], close: async () => {} };
  },
  async faultCases() {
    const env = await rehearsal();
    const plan = await buildPlan(env.host, env.supportDir, { settings: goodSettings(), choices: CHOICES, passwordProvided: true });
    const cases = plan.operations.map((o) => ({
      operationId: o.id,
      // Its services stopped (one disabled), so that every operation has something to change and to undo.
      machine: async () => ({ ...(await rehearsal([{ operation: o.id, message: `Injected fault at ${o.id}` }], STOPPED_SERVICES)), outsideFiles: [], close: async () => {} }),
    }));
    return { cases, untestable: [] };
  },
};

/** The fake computer's services as STOPPED_SERVICES has them: every service operation then changes something. */
function stopServices(state: FakeState): void {
  for (const service of state.services) {
    const stopped = STOPPED_SERVICES[service.name as keyof typeof STOPPED_SERVICES];
    if (stopped) Object.assign(service, { status: 'Stopped', startType: stopped.startMode });
  }
}

async function onFake(w: FakeWindows): Promise<TestMachine> {
  const supportDir = await new SupportFiles(w.host).realDir();
  return { host: w.host, supportDir, sandbox: w.sandbox, outsideFiles: [w.callsFile], close: () => w.host.close() };
}

/**
 * On Windows in PowerShell an operation fails as Windows would fail it: the fake refuses the last change the
 * operation asks of it. A first run on a fresh fake (the same two installs the fault test makes) records which
 * changes each operation asks for; an operation that changes nothing through PowerShell (files, the database on the
 * rehearsal's SQL, the instance record) cannot fail in the fake and is named as such.
 */
const windowsKind: MachineKind = {
  name: 'Windows in PowerShell',
  async fresh() {
    return onFake(fakeWindows({ env: sqlcmdOnPath() }));
  },
  async faultCases() {
    // As the fault test does: an operation the first instance shares (the services, the Retail Salt Utility) fails
    // on a machine without it; every other one on a machine with the first instance installed.
    const withHistory = await probeChanges(true);
    const empty = await probeChanges(false);
    const cases: FaultCase[] = [];
    const untestable: string[] = [];
    for (const id of withHistory.order) {
      const last = (withHistory.shared.has(id) ? empty : withHistory).changes.get(id)?.at(-1);
      if (!last) {
        untestable.push(id);
        continue;
      }
      cases.push({
        operationId: id,
        machine: () =>
          onFake(
            fakeWindows({
              env: sqlcmdOnPath(),
              patch: (s) => {
                stopServices(s);
                s.faults = [{ command: last.command, occurrence: last.occurrence, message: `Injected fault at ${id}` }];
              },
            }),
          ),
      });
    }
    return { cases, untestable };
  },
};

/** The changes each operation of an install asks of a fresh fake: those between its start and its end. */
async function probeChanges(history: boolean) {
  const probe = fakeWindows({ env: sqlcmdOnPath(), patch: stopServices });
  const machine = await onFake(probe);
  try {
    const otherPlan = await buildPlan(machine.host, machine.supportDir, { settings: EXISTING, choices: CHOICES, passwordProvided: true });
    const shared = new Set(otherPlan.operations.map((o) => o.id));
    if (history) {
      const first = await install(machine, EXISTING);
      if (first.outcome !== 'installed') throw new Error(`The probe's first install: ${first.message}`);
    }
    const started = new Map<string, number>();
    const ended = new Map<string, number>();
    const order: string[] = [];
    const run = await install(machine, goodSettings(), {
      onProgress: (p) => {
        if (p.phase !== 'apply') return;
        if (p.status === 'running' && !started.has(p.operationId)) {
          started.set(p.operationId, probe.calls().length);
          order.push(p.operationId);
        }
        if (p.status === 'applied' || p.status === 'skipped') ended.set(p.operationId, probe.calls().length);
      },
    }, history ? SHARED_DATABASE : CHOICES);
    if (run.outcome !== 'installed') throw new Error(`The probe's install: ${run.message}`);
    const calls = probe.calls();
    return { order, shared, changes: new Map(order.map((id) => [id, calls.slice(started.get(id), ended.get(id))])) };
  } finally {
    await machine.close();
  }
}

export const MACHINES: MachineKind[] = [rehearsalKind, windowsKind];

/** The command line of the PowerShell process the Windows host runs now (none on the rehearsal host). */
export function commandLines(host: Host): string[] {
  const pid = (host as { powershell?: { pid?: number } }).powershell?.pid;
  if (!pid) return [];
  try {
    return [readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')];
  } catch {
    return [];
  }
}
