import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVICE_SCRIPTS } from '../../electron/engine/hosts/machine/service-scripts';
import { PowerShellSession, type PowerShellCommand, type PowerShellRunner } from '../../electron/engine/hosts/windows/powershell';
import { neededServices, serviceOperation, serviceUndo } from '../../electron/engine/plan/operations/services';
import type { OperationContext } from '../../electron/engine/plan/operation';
import { fakeWindows } from '../support/fake-windows';

/** The session the host uses, recording which scripts answered. */
function recording(command: PowerShellCommand) {
  const session = new PowerShellSession(command);
  const runs: { script: string; ok: boolean; error?: string }[] = [];
  const runner: PowerShellRunner & { runs: typeof runs } = {
    runs,
    async run<T>(script: string, data?: unknown, timeoutMs?: number) {
      const outcome = await session.run<T>(script, data, timeoutMs);
      runs.push({ script, ok: outcome.ok, ...(outcome.ok ? {} : { error: outcome.error }) });
      return outcome;
    },
  };
  return runner;
}

describe('the service scripts, in pwsh against the fake Windows', () => {
  let runner!: ReturnType<typeof recording>;
  const w = fakeWindows({
    runner: (command) => (runner = recording(command)),
    // As Windows ships them before IIS needs them: IIS stopped, port sharing disabled.
    patch: (state) => {
      for (const s of state.services) {
        s.status = 'Stopped';
        if (s.name === 'NetTcpPortSharing') s.startType = 'Disabled';
        if (s.name === 'NetTcpActivator') s.startType = 'Manual';
      }
    },
  });
  afterAll(() => w.host.close());
  const ctx: OperationContext = { host: w.host, supportDir: w.sandbox, secrets: {}, signal: new AbortController().signal, log: () => {} };

  it('reads each service through Win32_Service, starts it with a lasting start mode, and undoes to the state file byte', async () => {
    const before = readFileSync(w.stateFile);
    expect(await w.host.machine.readService('NetTcpPortSharing')).toEqual({ name: 'NetTcpPortSharing', startMode: 'Disabled', running: false });
    expect(await w.host.machine.readService('NoSuchService')).toBeNull();
    const ops = neededServices('808').map(serviceOperation);
    const undo = [];
    for (const op of ops) {
      expect(await op.isDone(ctx)).toBe(false);
      undo.push(await op.apply(ctx));
      expect(await op.isDone(ctx)).toBe(true);
    }
    expect(w.readState().services.map((s: { name: string; status: string; startType: string }) => [s.name, s.status, s.startType])).toEqual([
      ['W3SVC', 'Running', 'Automatic'],
      ['WAS', 'Running', 'Manual'],
      ['NetTcpActivator', 'Running', 'Automatic'],
      ['NetTcpPortSharing', 'Running', 'Manual'],
    ]);
    // In reverse, as a rollback does: the dependents stop before the services they run on.
    for (const [i, op] of [...ops.entries()].reverse()) await serviceUndo.undo(ctx, op.target, undo[i]);
    expect(readFileSync(w.stateFile).equals(before)).toBe(true);
  });

  it('refuses to stop a service that a running one depends on, as Windows does without -Force', async () => {
    await w.host.machine.writeService({ name: 'WAS', startMode: 'Manual', running: true });
    await w.host.machine.writeService({ name: 'W3SVC', startMode: 'Automatic', running: true });
    await expect(w.host.machine.writeService({ name: 'WAS', startMode: 'Manual', running: false })).rejects.toThrow(/has dependent services/);
    await expect(w.host.machine.writeService({ name: 'NetTcpPortSharing', startMode: 'Disabled', running: true })).rejects.toThrow(/cannot be started/);
    await expect(w.host.machine.readService("W3SVC' OR Name LIKE '%")).rejects.toThrow(/is not a service name/);
  });

  it('has run each service script without an error', () => {
    for (const [name, script] of Object.entries(SERVICE_SCRIPTS)) expect(runner.runs.some((r) => r.script === script && r.ok), name).toBe(true);
  });
});
