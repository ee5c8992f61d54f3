import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePrerequisites } from '../../electron/engine/prerequisites/validate';
import { ALL_CHECKS } from '../../electron/engine/prerequisites/checks/index';
import type { SqlPrerequisiteProbe } from '../../electron/engine/prerequisites/sql-capability';
import type { DatabaseChoice } from '../../shared/contract/schemas';
import { afterConfigure, chosenSettings, EXPIRED_THUMBPRINT, NO_KEY_THUMBPRINT, rehearsalHost, resultOf, scenarioFile, SCENARIOS, SELF_SIGNED_THUMBPRINT } from './helpers';
import { createHash } from 'node:crypto';

describe('the default scenario', () => {
  it('passes every check before configuring', async () => {
    const report = await validatePrerequisites(
      { stage: 'before-configure', components: ['async-server'], settings: chosenSettings({ WebSiteHttpsPort: '', WebSiteSSLCertificateThumbprint: '', HQMessageDatabaseServerName: '', AppPoolUser: '' }), configure: true, passwordProvided: false },
      { host: rehearsalHost(), toolVersion: 'test' },
    );
    expect(report.results.map((r) => r.id)).toEqual(ALL_CHECKS.map((c) => c.id));
    expect(report.results.filter((r) => r.status === 'error' || r.status === 'warning')).toEqual([]);
    expect(report.summary.outcome).toBe('passed');
  });

  it('has no error after configuring, SQL Server included (the scenario\'s SQLHQ01, signed in for real)', async () => {
    const report = await validatePrerequisites(afterConfigure(), { host: rehearsalHost(), toolVersion: 'test' });
    expect(report.results.filter((r) => r.status === 'error')).toEqual([]);
    const sql = report.results.find((r) => r.id === 'sql-server')!;
    expect(sql.status).toBe('passed');
    expect(sql.details).toMatch(/SQLHQ01 is reachable and the message database can be created/);
  });
});

describe('system facts from the scenario', () => {
  it.each([
    ['elevated', { elevated: false }, 'error', /administrator rights/],
    ['dotnet-framework', { dotNetRelease: null }, 'error', /not installed/],
    ['dotnet-framework', { dotNetRelease: 378389 }, 'passed', /4\.5 is installed/],
    ['sqlcmd', { sqlcmd: null }, 'error', /SQLCMD/],
    ['execution-policy', { executionPolicy: 'Restricted' }, 'warning', /Restricted/],
    ['setup-running', { setupRunning: true }, 'error', /Another installation/],
    ['pending-reboot', { pendingReboot: true }, 'warning', /restart/],
    ['os-version', { os: { caption: 'Microsoft Windows Server 2008', version: '6.0.6002' } }, 'error', /older than Windows Server 2008 R2/],
    ['os-version', { os: { caption: 'Microsoft Windows 8.1 Pro', version: '6.3.9600' } }, 'warning', /client edition/],
    // The floor is what the scripts need: Windows PowerShell 4.0 (2012 R2 as shipped); 2008 R2 ships 2.0, 2012 ships 3.0.
    ['os-version', { os: { caption: 'Microsoft Windows Server 2008 R2 Standard', version: '6.1.7601' }, powershellVersion: '2.0' }, 'error', /runs Windows PowerShell 2\.0; Setup's scripts need Windows PowerShell 4\.0/],
    ['os-version', { os: { caption: 'Microsoft Windows Server 2012 Standard', version: '6.2.9200' }, powershellVersion: '3.0' }, 'error', /Windows PowerShell 3\.0/],
    ['os-version', { os: { caption: 'Microsoft Windows Server 2008 R2 Standard', version: '6.1.7601' }, powershellVersion: '5.1.14409.1005' }, 'passed', /with Windows PowerShell 5\.1\.14409\.1005 is supported/],
    ['os-version', {}, 'passed', /Windows Server 2012 R2 Datacenter \(version 6\.3\.9600\) with Windows PowerShell 4\.0 is supported/],
    ['disk-space', { diskFreeBytes: 10 * 1024 ** 2 }, 'error', /Only 10\.0 MB free/],
  ])('%s with %j is %s', async (id, computer, status, details) => {
    const host = rehearsalHost(scenarioFile((s) => Object.assign(s.computer, computer)));
    const result = await resultOf(id, host);
    expect(result.status).toBe(status);
    expect(result.details).toMatch(details);
    if (status !== 'passed') expect(result.fix).not.toBe('');
  });

  it('explains a scenario whose facts are invalid, naming the file and the field', async () => {
    const file = scenarioFile((s) => (s.computer.executionPolicy = 'Sometimes'));
    const result = await resultOf('execution-policy', rehearsalHost(file));
    expect(result.status).toBe('error');
    expect(result.details).toContain(file);
    expect(result.details).toContain('computer.executionPolicy');
  });
});

describe('IIS role services', () => {
  it('names the missing role service and how to install it', async () => {
    const host = rehearsalHost(scenarioFile((s) => (s.iis.roleServices = ['Web-Server', 'Web-Asp-Net45', 'NET-WCF-TCP-Activation45', 'Web-Scripting-Tools'])));
    const result = await resultOf('iis-role-services', host);
    expect(result.status).toBe('error');
    expect(result.details).toContain('WCF Services: HTTP Activation');
    expect(result.fix).toContain('Install-WindowsFeature NET-WCF-HTTP-Activation45');
  });

  it('needs non-HTTP activation only when a TCP port is set', async () => {
    const host = rehearsalHost(scenarioFile((s) => (s.iis.roleServices = ['Web-Server', 'Web-Asp-Net45', 'NET-WCF-HTTP-Activation45', 'Web-Scripting-Tools'])));
    expect((await resultOf('iis-role-services', host)).status).toBe('error');
    expect((await resultOf('iis-role-services', host, afterConfigure(chosenSettings({ WebSiteTcpPort: '' }))))).toMatchObject({ status: 'passed' });
  });

  it('does not apply when Setup only places the files', async () => {
    const host = rehearsalHost(scenarioFile((s) => (s.iis.roleServices = [])));
    expect((await resultOf('iis-role-services', host, afterConfigure(chosenSettings(), { configure: false }))).status).toBe('not-applicable');
  });
});

describe('ports', () => {
  it('fails on a busy HTTPS port, naming the port', async () => {
    const result = await resultOf('ports', rehearsalHost(scenarioFile((s) => s.network.portsInUse.push(8443))));
    expect(result.status).toBe('error');
    expect(result.details).toContain('HTTPS port 8443 is in use');
  });

  it('uses the shared rules: equal ports are an error, 443 a warning', async () => {
    const host = rehearsalHost(scenarioFile((s) => (s.network.portsInUse = [])));
    const same = await resultOf('ports', host, afterConfigure(chosenSettings({ WebSiteTcpPort: '8443' })));
    expect(same.status).toBe('error');
    expect(same.details).toContain('The TCP port must differ from the HTTPS port.');
    const standard = await resultOf('ports', host, afterConfigure(chosenSettings({ WebSiteHttpsPort: '443' })));
    expect(standard.status).toBe('warning');
    expect(standard.details).toMatch(/443/);
  });

  it('passes when both ports are free', async () => {
    expect(await resultOf('ports', rehearsalHost())).toMatchObject({ status: 'passed', details: 'HTTPS port 8443 is free. TCP port 808 is free.' });
  });
});

describe('certificate', () => {
  const host = rehearsalHost(scenarioFile());
  it.each([
    [NO_KEY_THUMBPRINT, 'error', /private key is not in the store/],
    [EXPIRED_THUMBPRINT, 'error', /not valid now/],
    [SELF_SIGNED_THUMBPRINT, 'warning', /self-signed/],
    ['AB'.repeat(20), 'error', /No certificate with the thumbprint/],
    ['d0 74 38 27 ef d9 bf a2 00 59 ce 80 15 7d f8 b8 b7 4e e5 0b\u200e', 'passed', /with its private key/],
  ])('%s is %s', async (thumbprint, status, details) => {
    const result = await resultOf('certificate', host, afterConfigure(chosenSettings({ WebSiteSSLCertificateThumbprint: thumbprint })));
    expect(result.status).toBe(status);
    expect(result.details).toMatch(details);
  });

  it('looks in the chosen store', async () => {
    const result = await resultOf('certificate', host, afterConfigure(chosenSettings({ WebSiteSSLCertificateStore: 'WebHosting' })));
    expect(result).toMatchObject({ status: 'error' });
    expect(result.details).toContain('LocalMachine\\WebHosting');
  });
});

describe('accounts', () => {
  it('fails when an account does not resolve, and passes for built-in accounts', async () => {
    const host = rehearsalHost();
    const missing = await resultOf('accounts', host, afterConfigure(chosenSettings({ AppPoolUser: 'CONTOSO\\nobody' })));
    expect(missing.status).toBe('error');
    expect(missing.details).toContain('CONTOSO\\nobody (AppPoolUser) cannot be found');
    expect((await resultOf('accounts', host, afterConfigure(chosenSettings({ AppPoolUser: 'NT Authority\\Network Service' })))).status).toBe('passed');
  });

  it('names an existing application pool that runs as another specific user, which Setup would not replace', async () => {
    const host = rehearsalHost();
    await host.machine.writeAppPool({ name: 'AsyncServer', identityType: 'SpecificUser', userName: 'CONTOSO\\svc-aos', managedRuntimeVersion: 'v4.0', pipelineMode: 'Integrated' }, 'their-own-password');
    const other = await resultOf('accounts', host, afterConfigure(chosenSettings()));
    expect(other.status).toBe('error');
    expect(other.details).toBe('The application pool AsyncServer already runs as CONTOSO\\svc-aos. CDX Setup does not replace it by CONTOSO\\svc-async: the password of CONTOSO\\svc-aos could not be given back on rollback or uninstall.');
    expect(other.fix).toMatch(/^Set AppPoolUser to CONTOSO\\svc-aos, choose another AppPoolName/);
    expect((await resultOf('accounts', host, afterConfigure(chosenSettings({ AppPoolUser: 'contoso\\SVC-AOS' })))).status).toBe('passed');
    expect((await resultOf('accounts', host, afterConfigure(chosenSettings({ AppPoolName: 'AsyncServer2' })))).status).toBe('passed');
  });
});

describe('SQL Server, judged by the database feature on the scenario\'s servers', () => {
  const database = (patch: Partial<DatabaseChoice> = {}): DatabaseChoice => ({ mode: 'create', authentication: 'windows', sqlLogin: '', trustServerCertificate: false, partition: 'initial', ...patch });
  const sqlResult = (scenario: string, choice: DatabaseChoice, secrets = {}) =>
    validatePrerequisites(afterConfigure(chosenSettings(), { database: choice }), { host: rehearsalHost(path.join(SCENARIOS, scenario, 'scenario.json')), toolVersion: 't', secrets }).then(
      (r) => r.results.find((x) => x.id === 'sql-server')!,
    );

  it('passes when the existing message database of the partition is chosen, and refuses a second one for it', async () => {
    expect((await sqlResult('sql-existing', database({ mode: 'existing' }))).status).toBe('passed');
    const second = await sqlResult('sql-existing', database({ mode: 'create' }));
    expect(second.status).toBe('error');
    expect(second.fix).toMatch(/Select a database to use with Async Server/);
  });

  it('names a failed sign-in, and passes with the SQL login\'s password', async () => {
    const windows = await sqlResult('sql-login-failed', database());
    expect(windows.status).toBe('error');
    expect(windows.details).toMatch(/SQLHQ01 cannot be used: .*(login|sign)/i);
    expect((await sqlResult('sql-login-failed', database({ authentication: 'sql', sqlLogin: 'cdx_setup' }), { sqlPassword: 'Rehearsal-Only-Pa55' })).status).toBe('passed');
  });

  it('asks the probe with the expanded settings and the chosen database', async () => {
    let asked: { instance: string; partition: string } | null = null;
    const probe: SqlPrerequisiteProbe = {
      probe: async (expanded, choice) => {
        asked = { instance: expanded.HQMessageDatabaseServerNamedInstanceName, partition: choice.partition };
        return { reachable: false, canCreateDatabase: false, databaseExists: false, ok: false, field: 'HQMessageDatabaseServerName', message: 'no answer' };
      },
    };
    const result = await validatePrerequisites(afterConfigure(chosenSettings({ HQMessageDatabaseServerNamedInstanceName: 'SQLHQ01\\AX' }), { database: database({ partition: 'ps' }) }), {
      host: rehearsalHost(),
      toolVersion: 't',
      sql: probe,
    });
    expect(asked).toEqual({ instance: 'SQLHQ01\\AX', partition: 'ps' });
    expect(result.results.find((r) => r.id === 'sql-server')).toMatchObject({ status: 'error', details: 'SQL Server SQLHQ01\\AX cannot be used: no answer' });
  });
});

describe('payload and working folders, for real in the sandbox', () => {
  it('passes on a complete payload and names a changed file', async () => {
    const host = rehearsalHost();
    const folder = host.realPath('C:\\CDX\\Payload');
    mkdirSync(path.join(folder, 'bin'), { recursive: true });
    const content = 'assembly';
    writeFileSync(path.join(folder, 'bin/Async.dll'), content);
    const manifest = {
      component: 'async-server',
      version: '6.3.1000',
      files: [{ path: 'bin/Async.dll', size: content.length, sha256: createHash('sha256').update(content).digest('hex') }],
    };
    writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(manifest));
    const request = afterConfigure(chosenSettings({ WebApplicationServiceBinarySourceFolder: 'C:\\CDX\\Payload' }));
    expect((await resultOf('payload', host, request)).status).toBe('passed');
    writeFileSync(path.join(folder, 'bin/Async.dll'), 'ASSEMBLY');
    const changed = await resultOf('payload', host, request);
    expect(changed.status).toBe('error');
    expect(changed.details).toContain('bin/Async.dll differs from the manifest');
    writeFileSync(path.join(folder, 'manifest.json'), '{ "component": "async-server" }');
    expect((await resultOf('payload', host, request)).details).toMatch(/not a valid payload manifest/);
  });

  it('fails when a file is in the way of a working folder', async () => {
    const host = rehearsalHost();
    mkdirSync(host.realPath('C:\\inetpub'), { recursive: true });
    writeFileSync(host.realPath('C:\\inetpub\\AsyncServerSite'), 'not a folder');
    const result = await resultOf('working-folders', host);
    expect(result.status).toBe('error');
    expect(result.details).toContain('a file is in the way');
  });
});

describe('the failure scenario shipped with the tool', () => {
  it('fails the port, the certificate and the IIS role service, each with its fix', async () => {
    const host = rehearsalHost(path.join(SCENARIOS, 'prereq-failures/scenario.json'));
    const report = await validatePrerequisites(afterConfigure(chosenSettings({ WebSiteSSLCertificateThumbprint: NO_KEY_THUMBPRINT })), { host, toolVersion: 't' });
    const errors = report.results.filter((r) => r.status === 'error');
    expect(errors.map((r) => r.id).sort()).toEqual(['certificate', 'iis-role-services', 'ports']);
    expect(errors.every((r) => r.fix.length > 20)).toBe(true);
  });
});

describe('the rehearsal computer seen afresh on every run', () => {
  it('sees a scenario fixed between two runs (what Revalidate relies on)', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const file = scenarioFile((s) => (s.computer.sqlcmd = null));
    const host = rehearsalHost(file);
    expect((await resultOf('sqlcmd', host)).status).toBe('error');
    const scenario = JSON.parse(readFileSync(file, 'utf8'));
    scenario.computer.sqlcmd = 'C:\\Tools\\SQLCMD.EXE';
    writeFileSync(file, JSON.stringify(scenario));
    expect((await resultOf('sqlcmd', host)).status).toBe('passed');
  });

  it('turns a computer that answers too slowly into time-limit errors, not a hang', async () => {
    const host = rehearsalHost(scenarioFile((s) => (s.computer.factDelayMs = 5_000)));
    const started = performance.now();
    const report = await validatePrerequisites(afterConfigure(), { host, toolVersion: 't', defaultTimeoutMs: 200 });
    expect(performance.now() - started).toBeLessThan(2_000);
    const timedOut = report.results.filter((r) => r.details.includes('did not finish within its time limit of 200 ms'));
    expect(timedOut.map((r) => r.id)).toContain('iis-role-services');
    expect(timedOut.every((r) => r.status === 'error')).toBe(true);
  });
});
