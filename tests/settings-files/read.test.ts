import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettingsFile, parseSettingsBytes } from '../../electron/engine/settings-files/load';
import { fixture, tempDir } from './helpers';

describe('reading ss-settings.xml', () => {
  it('reads the attribute shape with lines, keeping tokens and the thumbprint as written', async () => {
    const loaded = await loadSettingsFile(fixture('attribute-shape.xml'));
    expect(loaded.problems).toEqual([]);
    expect(loaded.format).toBe('ss-settings.xml');
    expect(loaded.settings.HQMessageDatabaseServerName).toBe('SQLHQ01');
    expect(loaded.settings.HQMessageDatabaseServerNamedInstanceName).toBe('SQLHQ01\\AX');
    expect(loaded.written.HQMessageDatabaseServerName?.line).toBe(4);
    expect(loaded.written.WebApplicationWorkingFolder?.line).toBe(20);
    // Tokens stay tokens in the file; they expand only in the plan.
    expect(loaded.settings.WebApplicationWorkingFolder).toBe('[WebSiteWorkingFolder]\\[WebApplicationName]');
    expect(loaded.settings.WebSiteWorkingFolder).toBe('%SystemDrive%\\inetpub\\AsyncServerSite');
    // An empty value takes the guide's default.
    expect(loaded.written.HQMessageDatabaseServerOverride?.value).toBe('');
    expect(loaded.settings.HQMessageDatabaseServerOverride).toBe('[HQMessageDatabaseServerName]');
    expect(loaded.comments).toEqual([{ before: 'HQMessageDatabaseServerName', text: ' Head office message database ' }]);
  });

  it('reads the element shape, and fills what it leaves empty or out with the defaults', async () => {
    const loaded = await loadSettingsFile(fixture('element-shape.xml'));
    expect(loaded.problems).toEqual([]);
    expect(loaded.settings.WebSiteName).toBe('AsyncServerSiteEU');
    expect(loaded.settings.AppPoolName).toBe('AsyncServer'); // value="" → default
    expect(loaded.settings.WebSiteTcpPort).toBe('808');
    expect(loaded.settings.AOSServiceUser).toBe('NT Authority\\Network Service'); // not in the file → default
    expect(loaded.written.WebSiteHttpsPort).toEqual({ value: '9443', line: 9 });
    expect(loaded.comments).toEqual([{ before: null, text: ' kept at the end ' }]);
  });

  it.each([
    ['utf8-bom.xml', 'utf-8 with BOM'],
    ['utf8-lf.xml', 'utf-8'],
    ['notepad-unicode-le.xml', 'utf-16le'],
    ['unicode-be.xml', 'utf-16be'],
  ])('reads %s (%s) to the same settings as the UTF-8 CRLF file', async (name, encoding) => {
    const reference = await loadSettingsFile(fixture('attribute-shape.xml'));
    const loaded = await loadSettingsFile(fixture(name));
    expect(loaded.encoding).toBe(encoding);
    expect(loaded.problems).toEqual([]);
    expect(loaded.settings).toEqual(reference.settings);
    expect(loaded.written.WebSiteHttpsPort?.line).toBe(reference.written.WebSiteHttpsPort?.line);
  });

  it('reads UTF-16 written without a byte order mark, and an ANSI file that says so', () => {
    const text = '<?xml version="1.0"?>\r\n<Settings>\r\n  <Setting key="WebSiteWorkingFolder" value="D:\\Sites\\Café" />\r\n</Settings>\r\n';
    expect(parseSettingsBytes(Buffer.from(text, 'utf16le'), 'x.xml').settings.WebSiteWorkingFolder).toBe('D:\\Sites\\Café');
    const ansi = Buffer.from(text.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="windows-1252"?>'), 'latin1');
    const loaded = parseSettingsBytes(ansi, 'x.xml');
    expect(loaded.problems).toEqual([]);
    expect(loaded.settings.WebSiteWorkingFolder).toBe('D:\\Sites\\Café');
  });

  it('warns when a UTF-8 file declares UTF-16, as the product script would refuse it', () => {
    const text = '<?xml version="1.0" encoding="utf-16"?>\n<Settings><Setting key="WebSiteHttpsPort" value="8443"/></Settings>';
    const loaded = parseSettingsBytes(Buffer.from(text), 'x.xml');
    expect(loaded.settings.WebSiteHttpsPort).toBe('8443');
    expect(loaded.problems).toMatchObject([{ severity: 'warning', line: 1, message: expect.stringContaining('encoding="utf-16"') }]);
  });

  it('decodes XML entities and character references in values', () => {
    const text = '<Settings><Setting key="AppPoolName" value="A&amp;B &#x43;&#68;" /></Settings>';
    expect(parseSettingsBytes(Buffer.from(text), 'x.xml').settings.AppPoolName).toBe('A&B CD');
  });

  it('reads the settings inside a grouping element, and reports text and elements that are not settings', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'grouped.xml');
    writeFileSync(file, '<Settings>\n  <Parameters>\n    <Setting key="WebSiteHttpsPort" value="8443"/>\n  </Parameters>\n  stray text\n</Settings>\n');
    const loaded = await loadSettingsFile(file);
    expect(loaded.settings.WebSiteHttpsPort).toBe('8443');
    expect(loaded.problems).toMatchObject([{ severity: 'warning', message: expect.stringContaining('stray text') }]);
    expect(readFileSync(file, 'utf8')).toContain('stray text'); // reading never changes the file
  });

  it('reads the wizard choices from the CdxSetup element', async () => {
    const loaded = await loadSettingsFile(fixture('with-choices.xml'));
    expect(loaded.problems).toEqual([]);
    expect(loaded.choices).toEqual({
      configure: true,
      components: ['async-server'],
      database: { mode: 'existing', authentication: 'sql', sqlLogin: 'async_login', trustServerCertificate: true, partition: 'retail' },
    });
  });

  it('refuses two CdxSetup elements', () => {
    const loaded = parseSettingsBytes(Buffer.from('<Settings>\n<CdxSetup configure="true"/>\n<CdxSetup configure="false"/>\n</Settings>'), 'x.xml');
    expect(loaded.choices).toEqual({ configure: true });
    expect(loaded.problems).toMatchObject([{ line: 3, key: 'CdxSetup', severity: 'error', message: 'is there twice, on lines 2 and 3; keep one.' }]);
  });

  it('reports every wrong CdxSetup attribute with its line', async () => {
    const loaded = await loadSettingsFile(fixture('bad-choices.xml'));
    expect(loaded.problems.map((p) => [p.line, p.key, p.message])).toEqual([
      [4, 'CdxSetup configure', 'is "yes"; use "true" or "false".'],
      [4, 'CdxSetup databaseMod', 'is not a CdxSetup attribute; did you mean "databaseMode"?'],
      [4, 'CdxSetup components', 'names "retail-server", which CDX Setup does not install; use async-server, async-client.'],
    ]);
  });
});
