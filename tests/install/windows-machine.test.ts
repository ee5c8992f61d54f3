import { describe, expect, it } from 'vitest';
import { WindowsMachine, parseAppPool, parseFirewallRule, parseSite } from '../../electron/engine/hosts/machine/windows-machine';
import { SCRIPTS } from '../../electron/engine/hosts/machine/windows-scripts';
import { envelope, parsePowerShellOutput, powershellArgs, type PowerShellOutcome, type PowerShellRunner } from '../../electron/engine/hosts/windows/powershell';

const CANARY = "Can'ary$(Remove-Item C:\\)\"`;Pa55";

/**
 * Records what would be sent to PowerShell and answers with outputs written by hand in the scripts' shapes (not captured
 * from a server); the scripts themselves run in pwsh against the fake Windows in tests/windows/.
 */
function recorder(answer: (script: string) => string) {
  const calls: { script: string; stdin: string; argv: string[] }[] = [];
  const runner: PowerShellRunner = {
    async run<T>(script: string, data: unknown = {}) {
      calls.push({ script, stdin: envelope(script, data), argv: powershellArgs() });
      return parsePowerShellOutput<T>(answer(script)) as PowerShellOutcome<T>;
    },
  };
  return { calls, runner };
}

describe('the Windows machine', () => {
  it('sends the app pool password only inside the stdin envelope, never in argv or the script text', async () => {
    const { calls, runner } = recorder(() => '##CDX-RESULT##{"ok":true,"value":true}');
    await new WindowsMachine(runner).writeAppPool(
      { name: "Pool'1", identityType: 'SpecificUser', userName: 'CONTOSO\\svc-async', managedRuntimeVersion: 'v4.0', pipelineMode: 'Integrated' },
      CANARY,
    );
    const [call] = calls;
    expect(call.argv.join(' ')).not.toContain(CANARY);
    expect(call.script).not.toContain(CANARY);
    expect(call.script).not.toContain("Pool'1");
    expect(JSON.parse(call.stdin).data).toEqual(expect.objectContaining({ password: CANARY }));
    expect(call.script).toContain('SpecificUser = 3');
  });

  it('keeps every value out of the script text: names with quotes and $ cannot break out', () => {
    for (const [name, script] of Object.entries(SCRIPTS)) {
      expect(script, name).not.toMatch(/\$\(\s*\$Data/); // no subexpression splicing of data
      expect(script, name).toContain('$Data');
    }
  });

  it('reports a PowerShell failure with the object named and without the password', async () => {
    const { runner } = recorder(() => 'WARNING: something\n##CDX-RESULT##{"ok":false,"error":"Access is denied."}');
    const err = await new WindowsMachine(runner)
      .writeAppPool({ name: 'AsyncServer', identityType: 'SpecificUser', userName: 'CONTOSO\\svc', managedRuntimeVersion: 'v4.0', pipelineMode: 'Integrated' }, CANARY)
      .then(() => new Error('no error'), (e: unknown) => e as Error);
    expect(err.message).toBe('Setting up the application pool AsyncServer failed: Access is denied.');
    expect(err.message).not.toContain(CANARY);
  });

  it('reads a website from ConvertTo-Json output (hand-written), one binding collapsed into an object', async () => {
    const output =
      'WARNING: The module WebAdministration is old\r\n##CDX-RESULT##' +
      JSON.stringify({
        ok: true,
        value: {
          name: 'AsyncServerSite',
          physicalPath: 'C:\\inetpub\\AsyncServerSite',
          appPool: 'AsyncServer',
          bindings: { protocol: 'https', bindingInformation: '*:8443:', certificateThumbprint: 'd0743827efd9bfa20059ce80157df8b8b74ee50b', certificateStore: 'My' },
          enabledProtocols: 'https',
        },
      });
    const { runner } = recorder(() => output);
    expect(await new WindowsMachine(runner).readSite('AsyncServerSite')).toEqual({
      name: 'AsyncServerSite',
      physicalPath: 'C:\\inetpub\\AsyncServerSite',
      appPool: 'AsyncServer',
      bindings: [{ protocol: 'https', bindingInformation: '*:8443:', certificateThumbprint: 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B', certificateStore: 'My' }],
      enabledProtocols: 'https',
    });
  });

  it('parses the other objects (hand-written), and null as absent', () => {
    expect(parseSite(null)).toBeNull();
    expect(parseAppPool({ name: 'P', identityType: 'NetworkService', userName: 'ignored', managedRuntimeVersion: 'v4.0', pipelineMode: 'Integrated' })).toEqual({
      name: 'P',
      identityType: 'NetworkService',
      userName: '',
      managedRuntimeVersion: 'v4.0',
      pipelineMode: 'Integrated',
    });
    expect(parseFirewallRule({ name: 'R', displayName: 'Rule', protocol: 'TCP', localPort: '8443', direction: 'Inbound', action: 'Allow' })).toMatchObject({ localPort: 8443 });
    expect(() => parseSite('text')).toThrow(/not an object/);
  });
});
