import { describe, expect, it } from 'vitest';
import { BOOTSTRAP, envelope, parsePowerShellOutput, powershellArgs, psQuote, RESULT_MARKER } from '../../electron/engine/hosts/windows/powershell';
import { LIST_CERTIFICATES_SCRIPT, parseStoreCertificates } from '../../electron/engine/hosts/windows/certificates';
import { WindowsHost } from '../../electron/engine/hosts/windows/windows-host';

describe('PowerShell on the Windows host', () => {
  it('keeps the command line fixed: data and secrets travel on standard input', () => {
    const args = powershellArgs();
    expect(args).toEqual(['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', BOOTSTRAP]);
    const stdin = envelope('Get-Date', { password: 'Canary-Pa55word!' });
    expect(args.join(' ')).not.toContain('Canary');
    expect(JSON.parse(stdin)).toEqual({ id: '', script: 'Get-Date', data: { password: 'Canary-Pa55word!' } });
  });

  it('quotes single-quoted literals, typographic quotes included', () => {
    expect(psQuote("O'Brien")).toBe("'O''Brien'");
    expect(psQuote('a\u2019b')).toBe("'a\u2019\u2019b'");
    expect(psQuote('$(Remove-Item C:\\)')).toBe("'$(Remove-Item C:\\)'");
  });

  it('reads the result after the marker, ignoring what else was printed', () => {
    expect(parsePowerShellOutput(`WARNING: x\r\n${RESULT_MARKER}{"ok":true,"value":[1,2]}\r\n`)).toEqual({ ok: true, value: [1, 2] });
    expect(parsePowerShellOutput(`${RESULT_MARKER}{"ok":false,"error":"Access is denied."}`)).toEqual({ ok: false, error: 'Access is denied.' });
    expect(parsePowerShellOutput('', 'powershell.exe : The term is not recognized')).toEqual({ ok: false, error: 'PowerShell did not finish the script: powershell.exe : The term is not recognized' });
    expect(parsePowerShellOutput(`${RESULT_MARKER}{broken`)).toEqual({ ok: false, error: 'PowerShell printed a result that is not JSON.' });
  });

  it('lists a store without splicing the store name into the script', async () => {
    expect(LIST_CERTIFICATES_SCRIPT).toContain('$Data.rootStore');
    const calls: { script: string; data: unknown }[] = [];
    // An answer written by hand in the shape the script gives Get-ChildItem Cert:\LocalMachine\My (one element: not an
    // array); the script itself runs against the fake's store in tests/windows/scripts-in-pwsh.test.ts.
    const answer = {
      thumbprint: 'd0743827efd9bfa20059ce80157df8b8b74ee50b',
      subject: 'CN=cdx-hq01.contoso.com, O=Contoso',
      issuer: 'CN=Contoso Test Root CA, O=Contoso',
      friendlyName: null,
      notBefore: '2025-01-01T00:00:00.0000000Z',
      notAfter: '2036-01-01T00:00:00.0000000Z',
      hasPrivateKey: true,
      ekus: ['1.3.6.1.5.5.7.3.1'],
      dnsNames: ['cdx-hq01.contoso.com'],
    };
    const host = new WindowsHost({
      run: async <T,>(script: string, data?: unknown) => {
        calls.push({ script, data });
        return { ok: true as const, value: answer as T };
      },
    });
    const [cert] = await host.listCertificates('LocalMachine', "My'; Remove-Item C:\\ -Recurse; '");
    expect(calls[0].data).toEqual({ rootStore: 'LocalMachine', store: "My'; Remove-Item C:\\ -Recurse; '" });
    expect(calls[0].script).not.toContain('Remove-Item');
    expect(cert).toMatchObject({ thumbprint: 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B', hasPrivateKey: true, serverAuthentication: true, selfSigned: false, expired: false });
  });

  it('marks expired, client-only and self-signed certificates', () => {
    const [c] = parseStoreCertificates(
      [{ thumbprint: 'AA', subject: 'CN=x', issuer: 'CN=x', notBefore: '2019-01-01T00:00:00Z', notAfter: '2020-01-01T00:00:00Z', hasPrivateKey: false, ekus: ['1.3.6.1.5.5.7.3.2'] }],
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(c).toMatchObject({ expired: true, serverAuthentication: false, selfSigned: true, hasPrivateKey: false });
  });
});
