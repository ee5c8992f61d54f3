// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { useSecrets } from '../../renderer/store/secrets';
import { resetWizard, useWizard } from '../../renderer/store/store';
import { freshWizard } from './wizard-state';

const actions = () => useWizard.getState().actions;

beforeEach(() => freshWizard());

describe('setup slice', () => {
  it('changes one setting and keeps the others', () => {
    const before = useWizard.getState().settings;
    actions().setSetting('WebSiteHttpsPort', '8443');
    const after = useWizard.getState().settings;
    expect(after.WebSiteHttpsPort).toBe('8443');
    expect(after.WebApplicationName).toBe(before.WebApplicationName);
    expect(after).not.toBe(before);
  });

  it('merges a database choice into the others', () => {
    actions().setDatabaseChoice({ authentication: 'sql', sqlLogin: 'sa' });
    actions().setDatabaseChoice({ partition: 'second' });
    expect(useWizard.getState().choices.database).toMatchObject({ mode: 'create', authentication: 'sql', sqlLogin: 'sa', partition: 'second' });
  });

  it('remembers each touched field once', () => {
    actions().touch('WebSiteHttpsPort');
    const once = useWizard.getState();
    actions().touch('WebSiteHttpsPort');
    expect(useWizard.getState().touched).toEqual(['WebSiteHttpsPort']);
    // Touching again changes nothing, so nothing re-renders for it.
    expect(useWizard.getState()).toBe(once);
  });
});

describe('navigation slice', () => {
  it('Back returns along the pages visited, and a new page forgets the last one\'s refusal', () => {
    actions().goTo('installation-option');
    actions().setAttemptedNext(true);
    actions().setPageError('Select the installed instance to modify.');
    actions().goTo('installation-type');
    expect(useWizard.getState()).toMatchObject({ pageId: 'installation-type', history: ['support-files', 'installation-option'], attemptedNext: false, pageError: null });
    actions().goBack();
    actions().goBack();
    expect(useWizard.getState()).toMatchObject({ pageId: 'support-files', history: [] });
    actions().goBack();
    expect(useWizard.getState().pageId).toBe('support-files');
  });

  it('a confirmed cancel closes the question and ends the wizard', () => {
    actions().requestCancel(true);
    actions().markCancelled();
    expect(useWizard.getState()).toMatchObject({ cancelRequested: false, cancelled: true });
  });
});

describe('secrets', () => {
  it('passwords live apart from the wizard state, and Start over forgets the choices', () => {
    const canary = 'Canary-Pa55word!';
    useSecrets.getState().setAppPoolPassword(canary);
    useSecrets.getState().setSqlPassword(canary);
    actions().setSetting('AppPoolUser', 'CONTOSO\\svc-async');
    expect(JSON.stringify(useWizard.getState())).not.toContain(canary);
    resetWizard();
    expect(useWizard.getState().settings.AppPoolUser).not.toBe('CONTOSO\\svc-async');
    useSecrets.getState().clear();
    expect(useSecrets.getState()).toMatchObject({ appPoolPassword: '', sqlPassword: '' });
  });
});
