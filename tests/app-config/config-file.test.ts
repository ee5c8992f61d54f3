import { describe, expect, it } from 'vitest';
import { readConfigValues, rawFor, replaceRawValues } from '../../electron/engine/app-config/config-file';
import { parseNodePath, NodePathError } from '../../electron/engine/app-config/node-path';
import { maskSecrets } from '../../electron/engine/app-config/secret-values';
import { decodeText, encodeText } from '../../electron/engine/app-config/text-encoding';
import { ODD_WEB_CONFIG } from './fixtures';



const LOCATIONS = [
  "/configuration/connectionStrings/add[@name='HQMessageDatabase']/@connectionString",
  "/configuration/appSettings/add[@key='HttpsPort']/@value",
  "/configuration/appSettings/add[@key='TcpPort']/@value",
].map(parseNodePath);

const VARIANTS: [string, Buffer][] = [
  ['UTF-8 without BOM', Buffer.from(ODD_WEB_CONFIG, 'utf8')],
  ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ODD_WEB_CONFIG, 'utf8')])],
  ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), encodeText(ODD_WEB_CONFIG.replace('utf-8', 'utf-16'), 'utf-16le')])],
  ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), encodeText(ODD_WEB_CONFIG.replace('utf-8', 'utf-16'), 'utf-16be')])],
];

describe('configuration values in an XML file', () => {
  it.each(VARIANTS)('%s: changes exactly the named values and gives the file back to the byte', (_name, original) => {
    const found = readConfigValues(original, 'web.config', LOCATIONS);
    expect(found.spots.map((s) => s.value)).toEqual(['Data Source=old;Initial Catalog="Old&DB"', '443', '']);
    const wanted = ['Data Source=SQLHQ01;Initial Catalog=Async "DB" & <co>;Integrated Security=True', '8443', '808'];
    const edited = replaceRawValues(original, found, found.spots.map((spot, index) => ({ index, raw: rawFor(spot, wanted[index]) })));

    const before = decodeText(original, 'web.config');
    const after = decodeText(edited, 'web.config');
    expect(after.encoding).toBe(before.encoding);
    expect(edited.subarray(0, before.bomBytes)).toEqual(original.subarray(0, before.bomBytes));
    const again = readConfigValues(edited, 'web.config', LOCATIONS);
    expect(again.spots.map((s) => s.value)).toEqual(wanted);
    // Only the three values differ: the comment, the other connection string, the CDATA, the spacing all stay.
    expect(after.text).toContain('<!-- <add name="HQMessageDatabase" connectionString="not this one" /> -->');
    expect(after.text).toContain("connectionString='Data Source=SQLHQ01;Initial Catalog=Async \"DB\" &amp; &lt;co>;Integrated Security=True' />");
    expect(after.text).toContain('<add key="HttpsPort"   value="8443"/><add key="TcpPort" value="808"/>');
    expect(after.text).toContain('value="cdata"');
    expect(after.text).toContain('äłő');

    const undone = replaceRawValues(edited, again, found.spots.map((spot, index) => ({ index, raw: spot.raw })));
    expect(undone.equals(original)).toBe(true);
  });

  it('refuses a node that is missing, ambiguous or without its attribute, naming the file and the location', () => {
    const text = Buffer.from('<configuration><appSettings><add key="A" value="1"/><add key="A" value="2"/><add key="B"/></appSettings></configuration>');
    const at = (l: string) => () => readConfigValues(text, 'C:\\app\\web.config', [parseNodePath(l)]);
    expect(at("/configuration/appSettings/add[@key='Z']/@value")).toThrow("C:\\app\\web.config has no element at /configuration/appSettings/add[@key='Z']/@value.");
    expect(at("/configuration/appSettings/add[@key='A']/@value")).toThrow(/has 2 elements that match/);
    expect(at("/configuration/appSettings/add[@key='B']/@value")).toThrow(/without its attribute value/);
  });

  it('refuses files it cannot give back as they were: not well-formed, a DOCTYPE, invalid UTF-8', () => {
    const where = [parseNodePath('/a/@b')];
    expect(() => readConfigValues(Buffer.from('<a b="1"><c></a>'), 'web.config', where)).toThrow(/web.config, line 1: the end tag <\/a> does not close <c>/);
    expect(() => readConfigValues(Buffer.from('<!DOCTYPE a [<!ENTITY x "y">]><a b="&x;"/>'), 'web.config', where)).toThrow(/document type declaration/);
    expect(() => readConfigValues(Buffer.from([0x3c, 0x61, 0x20, 0x62, 0x3d, 0x22, 0xff, 0x22, 0x2f, 0x3e]), 'web.config', where)).toThrow(/not valid UTF-8/);
  });

  it('reads node locations strictly', () => {
    expect(parseNodePath("/configuration/connectionStrings/add[@name='a/b'][@x=\"y\"]/@connectionString")).toEqual({
      text: "/configuration/connectionStrings/add[@name='a/b'][@x=\"y\"]/@connectionString",
      elements: [
        { name: 'configuration', conditions: [] },
        { name: 'connectionStrings', conditions: [] },
        { name: 'add', conditions: [{ attribute: 'name', value: 'a/b' }, { attribute: 'x', value: 'y' }] },
      ],
      attribute: 'connectionString',
    });
    for (const bad of ['configuration/@a', '/configuration', '/@a', '/a[name=1]/@b', '//a/@b']) expect(() => parseNodePath(bad), bad).toThrow(NodePathError);
  });

  it('masks the password of a connection string, in every spelling', () => {
    expect(maskSecrets('Data Source=s;User ID=cdx;Password=Can;ary;Encrypt=True')).toBe('Data Source=s;User ID=cdx;Password=********;ary;Encrypt=True');
    expect(maskSecrets('Server=s; pwd = "a;""b" ;Database=d')).toBe('Server=s; pwd = ******** ;Database=d');
    expect(maskSecrets("PASSWORD='x''y'")).toBe('PASSWORD=********');
    expect(maskSecrets('Data Source=s;Integrated Security=True;Password=')).toBe('Data Source=s;Integrated Security=True;Password=');
    expect(maskSecrets('Data Source=password-server;Initial Catalog=pwd')).toBe('Data Source=password-server;Initial Catalog=pwd');
  });
});
