import { describe, expect, it } from 'vitest';
import { expandSettings } from '../../shared/settings/expand';
import { defaultSettings } from '../../shared/components/async-server/parameters';

describe('expansion', () => {
  it('expands [tokens] and %VAR% the way the plan uses them', () => {
    const settings = { ...defaultSettings(), HQMessageDatabaseServerName: 'SQLHQ01', WebApplicationName: 'Async2' };
    const { expanded, problems } = expandSettings(settings, { SYSTEMDRIVE: 'D:' });
    expect(problems).toEqual([]);
    expect(expanded.WebSiteWorkingFolder).toBe('D:\\inetpub\\AsyncServerSite');
    expect(expanded.WebApplicationWorkingFolder).toBe('D:\\inetpub\\AsyncServerSite\\Async2');
    expect(expanded.HQMessageDatabaseServerOverride).toBe('SQLHQ01');
  });

  it('names an unknown token, an unset variable and a loop', () => {
    const settings = { ...defaultSettings(), WebSiteWorkingFolder: '%NoSuchVar%\\[NoSuchToken]', AppPoolName: '[AppPoolUser]', AppPoolUser: '[AppPoolName]' };
    const messages = expandSettings(settings, {}).problems.map((p) => p.message);
    expect(messages).toContain('WebSiteWorkingFolder refers to [NoSuchToken], which is not a parameter.');
    expect(messages).toContain('WebSiteWorkingFolder uses %NoSuchVar%, which is not set on the target computer.');
    expect(messages.some((m) => m.includes('refers to itself'))).toBe(true);
  });

  it('treats parameter tokens as case-sensitive', () => {
    const { problems } = expandSettings({ ...defaultSettings(), WebApplicationWorkingFolder: '[websiteworkingfolder]' }, { SystemDrive: 'C:' });
    expect(problems[0].message).toContain('[websiteworkingfolder], which is not a parameter');
  });
});
