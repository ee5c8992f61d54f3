import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { PowerShellSession } from '../../electron/engine/hosts/windows/powershell';
import { pwshPath } from '../support/windows-tools';

const CANARY = 'Canary-Pa55word!-7f3a';

/** Whether a process still runs (a zombie waiting for its parent to read its exit does not). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** The production session, on pwsh: one process, scripts one after another on standard input. */
describe('one PowerShell session per run', () => {
  const sessions: PowerShellSession[] = [];
  const session = () => {
    const s = new PowerShellSession({ executable: pwshPath() });
    sessions.push(s);
    return s;
  };
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.close()));
  });

  it('runs scripts one after another in one process, each in its own scope with a fresh $Data', async () => {
    const s = session();
    const first = s.run<string>('$leak = "from the first script"; $Data.value', { value: 'one' });
    const second = s.run<string>('"[" + $leak + "][" + $Data.value + "]"', {});
    expect(await first).toEqual({ ok: true, value: 'one' });
    expect(await second).toEqual({ ok: true, value: '[][]' });
    expect(await s.run<number>('throw "Access is denied."')).toEqual({ ok: false, error: 'Access is denied.' });
    expect(await s.run<number>('40 + 2')).toEqual({ ok: true, value: 42 });
    expect(s.starts).toBe(1);
  });

  it('takes only its own answer: text that looks like one, printed by the script, is not', async () => {
    const s = session();
    const forged = '##CDX-RESULT##{"id":"0000","ok":true,"value":"forged"}';
    const outcome = await s.run<string>(`Write-Host '${forged}'; [Console]::Out.WriteLine('${forged}'); Write-Warning 'careful'; 'real'`);
    expect(outcome).toEqual({ ok: true, value: 'real' });
  });

  it('keeps the password on standard input: the command line never has it', async () => {
    const s = session();
    const outcome = await s.run<number[]>('$Data.password.Length; $PID', { password: CANARY });
    expect(outcome).toEqual({ ok: true, value: [CANARY.length, expect.any(Number)] });
    // The launcher of the .NET tool and PowerShell itself.
    for (const pid of [s.pid, (outcome as { value: number[] }).value[1]]) {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      expect(cmdline).toContain('$stdin.ReadLine()');
      expect(cmdline).not.toContain(CANARY);
    }
  });

  it('survives its process being killed: no unhandled error (EPIPE), the script gets an error, the next one a new process', async () => {
    const unhandled: unknown[] = [];
    const record = (e: unknown) => unhandled.push(e);
    process.on('uncaughtException', record);
    process.on('unhandledRejection', record);
    try {
      const s = session();
      // PowerShell's own process id (pwsh as a .NET tool runs behind a launcher).
      const pwshPid = async () => ((await s.run<number>('$PID')) as { value: number }).value;
      let pid = await pwshPid();
      // Killed while idle, then written to before Node has seen it exit (the wait blocks the event loop, so the
      // write comes first): the write meets a closed pipe, which is an EPIPE unless the session handles it.
      process.kill(pid, 'SIGKILL');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
      const lost = await s.run('2');
      expect(lost.ok).toBe(false);
      expect(lost.ok ? '' : lost.error).toMatch(/^PowerShell stopped before finishing the script/);
      pid = await pwshPid();
      // Killed in the middle of a script.
      const running = s.run('Start-Sleep -Seconds 60; 4');
      await new Promise((r) => setTimeout(r, 1500));
      process.kill(pid, 'SIGKILL');
      expect((await running).ok).toBe(false);
      expect(await s.run('5')).toEqual({ ok: true, value: 5 });
      expect(s.starts).toBe(3);
      await new Promise((r) => setTimeout(r, 200));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('uncaughtException', record);
      process.off('unhandledRejection', record);
    }
  });

  it('kills a script that does not answer in time, and starts afresh for the next', async () => {
    const s = session();
    const { value: pid } = (await s.run<number>('$PID')) as { value: number };
    const hung = await s.run('Start-Sleep -Seconds 60', {}, 3000);
    expect(hung).toEqual({ ok: false, error: 'PowerShell did not answer within 3 seconds.' });
    await new Promise((r) => setTimeout(r, 500));
    expect(running(pid)).toBe(false);
    expect(await s.run('"after"')).toEqual({ ok: true, value: 'after' });
    expect(s.starts).toBe(2);
  });

  it('ends its process on close', async () => {
    const s = session();
    const { value: pid } = (await s.run<number>('$PID')) as { value: number };
    await s.close();
    expect(running(pid)).toBe(false);
  });

  it('does not keep Node alive once idle, even when nobody closes it', () => {
    const program = `
      import { PowerShellSession } from './electron/engine/hosts/windows/powershell.ts';
      const s = new PowerShellSession({ executable: ${JSON.stringify(pwshPath())} });
      const outcome = await s.run('"idle next"');
      console.log(JSON.stringify(outcome));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], { encoding: 'utf8', timeout: 120_000 });
    expect(child.error).toBeUndefined();
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toBe('{"ok":true,"value":"idle next"}');
  });
});
