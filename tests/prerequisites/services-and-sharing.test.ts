import { describe, expect, it } from 'vitest';
import { afterConfigure, chosenSettings, rehearsalHost, resultOf, scenarioFile } from './helpers';

describe('the services check', () => {
  it('passes on a healthy server, naming each service and its start mode', async () => {
    const result = await resultOf('services', rehearsalHost());
    expect(result.status).toBe('passed');
    expect(result.details).toBe(
      'WAS is running (start mode Manual). W3SVC is running (start mode Automatic). NetTcpPortSharing is running (start mode Manual). NetTcpActivator is running (start mode Automatic).',
    );
  });

  it('says what Setup will do with a stopped service, and leaves the net.tcp ones out without a TCP port', async () => {
    const host = rehearsalHost(scenarioFile((s) => (s.services = { W3SVC: { startMode: 'Manual', running: false } })));
    const result = await resultOf('services', host, afterConfigure(chosenSettings({ WebSiteTcpPort: '' })));
    expect(result.status).toBe('passed');
    expect(result.details).toBe('WAS is running (start mode Manual). W3SVC is stopped (start mode Manual): Setup sets it to Automatic and starts it.');
  });

  it('warns about a disabled service: someone may have disabled it on purpose', async () => {
    const host = rehearsalHost(scenarioFile((s) => (s.services = { NetTcpPortSharing: { startMode: 'Disabled', running: false }, NetTcpActivator: { startMode: 'Automatic', running: false } })));
    const result = await resultOf('services', host);
    expect(result.status).toBe('warning');
    expect(result.details).toContain('NetTcpPortSharing is stopped (start mode Disabled): Setup sets it to Manual and starts it.');
    expect(result.fix).toMatch(/Setup enables and starts Net\.Tcp Port Sharing Service \(NetTcpPortSharing\)/);
  });

  it('is an error, with the role service to install, when a service is missing', async () => {
    const host = rehearsalHost(scenarioFile((s) => (s.services = { NetTcpActivator: null })));
    const result = await resultOf('services', host);
    expect(result.status).toBe('error');
    expect(result.details).toBe('The Net.Tcp Listener Adapter (NetTcpActivator) is not installed; it receives net.tcp requests.');
    expect(result.fix).toMatch(/Install-WindowsFeature NET-WCF-TCP-Activation45/);
  });
});

describe('the TCP port and Net.Tcp Port Sharing', () => {
  it('does not count the TCP port as busy when SMSvcHost.exe holds it: net.tcp shares it', async () => {
    const host = rehearsalHost(scenarioFile((s) => (s.network.portsInUse = [{ port: 808, process: 'SMSvcHost' }])));
    const result = await resultOf('ports', host);
    expect(result.status).toBe('passed');
    expect(result.details).toBe('HTTPS port 8443 is free. TCP port 808 is held by the Net.Tcp Port Sharing Service (SMSvcHost.exe), through which net.tcp shares it: it is not in the way.');
  });

  it('still counts the HTTPS port as busy when SMSvcHost.exe holds it, and the TCP port when another program does', async () => {
    const https = await resultOf('ports', rehearsalHost(scenarioFile((s) => (s.network.portsInUse = [{ port: 8443, process: 'SMSvcHost' }]))));
    expect(https.status).toBe('error');
    expect(https.details).toContain('HTTPS port 8443 is in use: SMSvcHost.exe listens on port 8443.');
    const tcp = await resultOf('ports', rehearsalHost(scenarioFile((s) => (s.network.portsInUse = [{ port: 808, process: 'nginx' }]))));
    expect(tcp.status).toBe('error');
    expect(tcp.details).toContain('TCP port 808 is in use: nginx.exe listens on port 808.');
  });
});
