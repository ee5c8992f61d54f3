import { describe, expect, it } from 'vitest';
import { loadTopology, sameComputer, selectForComputer } from '../../electron/engine/settings-files/topology';
import { fixture } from './helpers';

describe('topology file', () => {
  it('lists each computer\'s instances with their settings files, resolved beside the topology', async () => {
    const topology = await loadTopology(fixture('topology/ss-topology.xml'));
    expect(topology.problems).toEqual([]);
    expect(topology.entries.map((e) => [e.computer, e.settingsFile, e.line])).toEqual([
      ['CDXHQ01', fixture('topology/ss-settings-AsyncServer.xml'), 5],
      ['CDXHQ01', fixture('topology/ss-settings-AsyncServerEU.xml'), 6],
      ['cdxhq02.contoso.com', fixture('topology/ss-settings-AsyncServer.xml'), 9],
    ]);
    expect(topology.entries[1].loaded.settings.WebApplicationName).toBe('AsyncServerEU');
  });

  it('picks this computer\'s entries by name in any case, and says so', async () => {
    const topology = await loadTopology(fixture('topology/ss-topology.xml'));
    const selection = selectForComputer(topology, 'cdxhq01');
    expect(selection.problems).toEqual([]);
    expect(selection.entries.map((e) => e.line)).toEqual([5, 6]);
    expect(selection.message).toBe(
      'This computer is cdxhq01: the topology ss-topology.xml gives it 2 instances, line 5 (CDXHQ01: ss-settings-AsyncServer.xml), line 6 (CDXHQ01: ss-settings-AsyncServerEU.xml).',
    );
  });

  it('matches a short name to an FQDN and back, but not two different domains', async () => {
    const topology = await loadTopology(fixture('topology/ss-topology.xml'));
    expect(selectForComputer(topology, 'CDXHQ02').entries.map((e) => e.line)).toEqual([9]);
    expect(selectForComputer(topology, 'CDXHQ01.contoso.com').entries).toHaveLength(2);
    expect(sameComputer('web1.contoso.com', 'web1.fabrikam.com')).toBe(false);
    expect(sameComputer('localhost', 'ANY')).toBe(true);
  });

  it('refuses when this computer is not in the topology, listing who is', async () => {
    const topology = await loadTopology(fixture('topology/ss-topology.xml'));
    const selection = selectForComputer(topology, 'CDXHQ09');
    expect(selection.entries).toEqual([]);
    expect(selection.problems).toMatchObject([{ severity: 'error' }]);
    expect(selection.message).toContain('it lists CDXHQ01, cdxhq02.contoso.com');
  });

  it('reads a hand-made variant: Machine/Server, a Name element, SettingsXmlFilePath, any case', async () => {
    const topology = await loadTopology(fixture('topology/machines-variant.xml'));
    expect(topology.problems).toEqual([]);
    expect(topology.entries.map((e) => [e.computer, e.settingsFile])).toEqual([
      ['CDXHQ01.contoso.com', fixture('topology/ss-settings-AsyncServer.xml')],
      ['CDXHQ03', fixture('topology/ss-settings-AsyncServerEU.xml')],
    ]);
    expect(selectForComputer(topology, 'CDXHQ01').entries).toHaveLength(1);
  });

  it('refuses instances that would collide on one computer: same website and application, same port', async () => {
    const selection = selectForComputer(await loadTopology(fixture('topology/collision.xml')), 'CDXHQ01');
    expect(selection.problems.map((p) => [p.line, p.key])).toEqual([
      [5, 'WebApplicationName'],
      [6, 'WebSiteHttpsPort'],
      [6, 'WebSiteTcpPort'],
      [6, 'WebSiteHttpsPort'],
      [6, 'WebSiteTcpPort'],
    ]);
    expect(selection.problems[0].message).toContain('lines 4 and 5 both install AsyncServerSite/AsyncServer on CDXHQ01');
    expect(selection.problems[1].message).toContain('both bind port 8443');
  });

  it('judges each component\'s instances by its own rules: an Async Client beside clashing Async Servers adds no clash', async () => {
    const { copyFileSync, mkdtempSync, writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(`${(await import('node:os')).tmpdir()}/cdx-topology-`);
    for (const name of ['ss-settings-AsyncServer.xml', 'ss-settings-AsyncServer-copy.xml']) copyFileSync(fixture(`topology/${name}`), `${dir}/${name}`);
    // Async Client's settings file leaves every parameter to the guide's default: nothing of it is an Async Server's.
    writeFileSync(`${dir}/sc-settings-A.xml`, '<Settings><Setting key="ServiceName" value="A"/><Setting key="ChannelDatabaseName" value="Houston"/></Settings>');
    const instances = ['ss-settings-AsyncServer.xml', 'sc-settings-A.xml', 'ss-settings-AsyncServer-copy.xml'].map((f) => `    <Instance settingsFile="${f}"/>`);
    writeFileSync(`${dir}/t.xml`, ['<Topology>', '  <Computer name="CDXHQ01">', ...instances, '  </Computer>', '</Topology>'].join('\n'));
    const selection = selectForComputer(await loadTopology(`${dir}/t.xml`), 'CDXHQ01');
    expect(selection.entries.map((e) => e.loaded.component)).toEqual(['async-server', 'async-client', 'async-server']);
    expect(selection.problems.map((p) => [p.line, p.key])).toEqual([[5, 'WebApplicationName']]);
    expect(selection.problems[0].message).toContain('lines 3 and 5 both install AsyncServerSite/AsyncServer');
  });

  it('carries the errors of a selected settings file, and refuses a hostile topology', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const dir = mkdtempSync(`${(await import('node:os')).tmpdir()}/cdx-topology-`);
    writeFileSync(`${dir}/bad.xml`, '<Settings><Setting key="WebsiteName" value="x"/></Settings>');
    writeFileSync(`${dir}/t.xml`, '<Topology><Computer name="A"><Instance settingsFile="bad.xml"/></Computer><Computer name="B"/></Topology>');
    const topology = await loadTopology(`${dir}/t.xml`);
    expect(topology.problems).toMatchObject([{ key: 'B', severity: 'error', message: expect.stringContaining('without a settings file') }]);
    const selection = selectForComputer(topology, 'A');
    expect(selection.problems.map((p) => p.key)).toEqual(['B', 'WebsiteName']);
    const hostile = await loadTopology(fixture('xxe-system.xml'));
    expect(hostile.problems).toMatchObject([{ line: 2, severity: 'error' }]);
  });
});
