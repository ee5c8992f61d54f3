import { describe, expect, it } from 'vitest';
import { loadSettingsFile } from '../../electron/engine/settings-files/load';
import { validateLoadedFile } from '../../electron/engine/settings-files/validate';
import { CANARY, fixture } from './helpers';

describe('keys', () => {
  it('names the right key for a wrong-case key', async () => {
    const loaded = await loadSettingsFile(fixture('wrong-case-key.xml'));
    expect(loaded.problems).toEqual([
      { file: fixture('wrong-case-key.xml'), line: 4, key: 'WebsiteName', severity: 'error', message: 'is not a parameter: names are case-sensitive, use "WebSiteName".' },
    ]);
  });

  it('names the nearest key for a misspelled one, in either shape, and none for a stranger', async () => {
    const loaded = await loadSettingsFile(fixture('misspelled-key.xml'));
    expect(loaded.problems.map((p) => [p.line, p.key, p.message])).toEqual([
      [3, 'HQMessageDatabse', 'is not an ss-settings.xml parameter; did you mean "HQMessageDatabase"?'],
      [4, 'WebSiteHttpPort', 'is not an ss-settings.xml parameter; did you mean "WebSiteHttpsPort"?'],
      [5, 'CompletelyUnrelated', 'is not an ss-settings.xml parameter (see docs/settings-files.md for the list).'],
    ]);
  });

  it('refuses a key set twice, naming both lines, across shapes', async () => {
    const loaded = await loadSettingsFile(fixture('duplicate-key.xml'));
    expect(loaded.problems).toMatchObject([{ line: 5, key: 'WebSiteHttpsPort', severity: 'error', message: 'is set twice, on lines 3 and 5; keep one.' }]);
    expect(loaded.settings.WebSiteHttpsPort).toBe('8443');
  });

  it('refuses a password in the file without repeating it', async () => {
    const loaded = await loadSettingsFile(fixture('password.xml'));
    expect(loaded.problems).toMatchObject([{ line: 4, key: 'AppPoolPassword', severity: 'error' }]);
    expect(JSON.stringify(loaded)).not.toContain(CANARY);
  });

  it('reports wrong-case attribute names and elements that are not settings', async () => {
    const loaded = await loadSettingsFile(fixture('unknown-elements.xml'));
    expect(loaded.problems.map((p) => [p.line, p.severity, p.key ?? null])).toEqual([
      [4, 'warning', 'Notes'],
      [5, 'error', null],
      [5, 'error', 'WebSiteTcpPort'],
    ]);
  });

  it('validation adds the shared field rules, each on the line that sets the value, all of them', async () => {
    const problems = validateLoadedFile(await loadSettingsFile(fixture('bad-values.xml')));
    expect(problems.map((p) => [p.line, p.key])).toEqual([
      [5, 'AppPoolUser'],
      [6, 'WebSiteHttpsPort'],
      [8, 'WebSiteSSLCertificateThumbprint'],
      [9, 'WebApplicationWorkingFolder'],
    ]);
    expect(problems[1].message).toBe(': Port 70000 is out of range: use a number from 1 to 65535.');
    expect(problems[3].message).toContain('[WebSiteFolder], which is not a parameter');
  });

  it('validation says when a required value is missing from the file, and a complete file passes', async () => {
    const missing = validateLoadedFile(await loadSettingsFile(fixture('element-shape.xml')));
    expect(missing).toEqual([]);
    const partial = validateLoadedFile(await loadSettingsFile(fixture('duplicate-key.xml')));
    const database = partial.find((p) => p.key === 'HQMessageDatabase');
    expect(database).toMatchObject({ message: expect.stringContaining('(not set in the file)') });
    expect(database).not.toHaveProperty('line');
  });

  it('skips the IIS and database rules when the file says configure="false"', async () => {
    const { parseSettingsBytes } = await import('../../electron/engine/settings-files/load');
    const loaded = parseSettingsBytes(Buffer.from('<Settings><CdxSetup configure="false"/></Settings>'), 'files-only.xml');
    expect(validateLoadedFile(loaded).filter((p) => p.severity === 'error')).toEqual([]);
  });
});
