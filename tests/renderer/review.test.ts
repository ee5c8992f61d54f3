// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { useSecrets } from '../../renderer/store/secrets';
import { useWizard } from '../../renderer/store/store';
import { reviewSections } from '../../renderer/wizard/review';
import { freshWizard, session, withChoices } from './wizard-state';

const titles = () => reviewSections(useWizard.getState(), null).map((s) => s.title);
const row = (section: string, label: string) =>
  reviewSections(useWizard.getState(), null)
    .find((s) => s.title === section)
    ?.rows.find((r) => r.label === label)?.value;

beforeEach(() => freshWizard({ supportFilesLocation: 'D:\\CDX Setup' }));

describe('Ready to install', () => {
  it('has one section per page of the flow that has something to say, in the pages\' order', () => {
    expect(titles()).toEqual(['Setup support files', 'Installation', 'Components', 'Async Server', 'Message database']);
    expect(row('Setup support files', 'File location')).toBe('D:\\CDX Setup');
  });

  it('no support files section once they were chosen on an earlier run', () => {
    useWizard.setState({ session: session('D:\\CDX Setup') });
    expect(titles()[0]).toBe('Installation');
  });

  it('never shows the password, only whether one is needed', () => {
    const canary = 'Canary-Pa55word!';
    useSecrets.getState().setAppPoolPassword(canary);
    useWizard.getState().actions.setSetting('AppPoolUser', 'CONTOSO\\svc-async');
    expect(row('Async Server', 'Password')).toBe('Entered (not shown)');
    expect(JSON.stringify(reviewSections(useWizard.getState(), null))).not.toContain(canary);
    useWizard.getState().actions.setSetting('AppPoolUser', 'NT Authority\\Network Service');
    expect(row('Async Server', 'Password')).toBe('Not needed (built-in account)');
  });

  it('application files only: Async Server says so, and there is no database', () => {
    withChoices({ configure: false });
    expect(row('Async Server', 'Configure Async Server by using Setup')).toBe('No: application files only');
    expect(titles()).not.toContain('Message database');
  });

  it('a modify names the installed instance', () => {
    withChoices({ option: 'modify' });
    useWizard.getState().actions.setModifiedInstance('AsyncServer');
    expect(row('Installation', 'Installed instance')).toBe('AsyncServer');
    expect(titles()).not.toContain('Components');
  });

  it('shows the values expanded for this computer when the engine has expanded them', () => {
    const settings = useWizard.getState().settings;
    const expanded = { ...settings, WebSiteName: 'Expanded site' };
    const section = reviewSections(useWizard.getState(), expanded).find((s) => s.title === 'Async Server');
    expect(section?.rows.find((r) => r.label === 'Website name')?.value).toBe('Expanded site');
  });

  it('SQL Server authentication names the login', () => {
    useWizard.getState().actions.setDatabaseChoice({ authentication: 'sql', sqlLogin: 'cdx_setup' });
    expect(row('Message database', 'Authentication')).toBe('SQL Server authentication as cdx_setup');
  });
});
