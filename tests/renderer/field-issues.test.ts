// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { useWizard } from '../../renderer/store/store';
import { issuesOf, messageFor, shownMessage } from '../../renderer/wizard/field-issues';
import { freshWizard, withChoices } from './wizard-state';

const set = (name: Parameters<ReturnType<typeof useWizard.getState>['actions']['setSetting']>[0], value: string) => useWizard.getState().actions.setSetting(name, value);

beforeEach(() => freshWizard());

describe('field issues', () => {
  it('a field shows its error before its warning', () => {
    const issues = [
      { field: 'WebSiteHttpsPort' as const, severity: 'warning' as const, message: 'Port 443 is the usual HTTPS port.' },
      { field: 'WebSiteHttpsPort' as const, severity: 'error' as const, message: 'Enter a port from 1 to 65535.' },
      { field: 'AppPoolName' as const, severity: 'error' as const, message: 'Enter a name.' },
    ];
    expect(messageFor(issues, 'WebSiteHttpsPort')?.message).toBe('Enter a port from 1 to 65535.');
    expect(messageFor(issues, 'WebSiteTcpPort')).toBeNull();
  });

  it('a wrong port shows once the user has typed in the field, or once Next was tried', () => {
    set('WebSiteHttpsPort', '99999');
    expect(shownMessage(useWizard.getState(), 'WebSiteHttpsPort', true)).toBeNull();
    useWizard.getState().actions.touch('WebSiteHttpsPort');
    expect(shownMessage(useWizard.getState(), 'WebSiteHttpsPort', true)).toMatchObject({ severity: 'error' });
    freshWizard();
    set('WebSiteHttpsPort', '99999');
    useWizard.getState().actions.setAttemptedNext(true);
    expect(shownMessage(useWizard.getState(), 'WebSiteHttpsPort', true)).toMatchObject({ severity: 'error' });
  });

  it('an account that is not built in needs its password', () => {
    set('AppPoolUser', 'CONTOSO\\svc-async');
    const state = useWizard.getState();
    expect(messageFor(issuesOf(state, false), 'AppPoolPassword')?.severity).toBe('error');
    expect(messageFor(issuesOf(state, true), 'AppPoolPassword')).toBeNull();
    set('AppPoolUser', 'NT Authority\\Network Service');
    expect(messageFor(issuesOf(useWizard.getState(), false), 'AppPoolPassword')).toBeNull();
  });

  it('application files only: the IIS fields are not judged', () => {
    set('WebSiteHttpsPort', 'not a port');
    expect(messageFor(issuesOf(useWizard.getState(), true), 'WebSiteHttpsPort')).not.toBeNull();
    withChoices({ configure: false });
    expect(messageFor(issuesOf(useWizard.getState(), true), 'WebSiteHttpsPort')).toBeNull();
  });

  it('the rules run once per change of what they read, however many fields ask', () => {
    const state = useWizard.getState();
    expect(issuesOf(state, true)).toBe(issuesOf(state, true));
    set('WebSiteHttpsPort', '8443');
    expect(issuesOf(useWizard.getState(), true)).not.toBe(issuesOf(state, true));
  });
});
