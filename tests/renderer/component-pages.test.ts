// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { componentDefinitions } from '../../shared/components/registry';
import { componentWizards } from '../../renderer/component-pages/registry';
import { useSecrets } from '../../renderer/store/secrets';
import { useWizard } from '../../renderer/store/store';
import { issuesOf, messageFor } from '../../renderer/wizard/field-issues';
import { visiblePages } from '../../renderer/wizard/pages';
import { reviewSections } from '../../renderer/wizard/review';
import { freshWizard, withChoices } from './wizard-state';

const ids = () => visiblePages(useWizard.getState()).map((p) => p.id);
const sections = () => reviewSections(useWizard.getState(), null);
const row = (section: string, label: string) => sections().find((s) => s.title === section)?.rows.find((r) => r.label === label)?.value;
const CANARY = 'Canary-Pa55word!';

beforeEach(() => freshWizard({ supportFilesLocation: 'D:\\CDX Setup' }));

describe('pages contributed by the components', () => {
  it('each registered component has its wizard, in the same order, with the pages its definition names', () => {
    expect(componentWizards().map((w) => w.id)).toEqual(componentDefinitions().map((d) => d.id));
    for (const wizard of componentWizards()) {
      const definition = componentDefinitions().find((d) => d.id === wizard.id)!;
      expect(wizard.pages.map((p) => [p.id, p.title])).toEqual(definition.pages.map((p) => [p.id, p.label]));
    }
  });

  it('no parameter name is two components\': the wizard keeps them all in one record, by name', () => {
    const names = componentDefinitions().flatMap((d) => d.parameters.map((p) => p.name));
    expect(new Set(names).size).toBe(names.length);
  });

  it('Async Client alone walks its own pages between the two prerequisite pages, none of Async Server\'s', () => {
    withChoices({ components: ['async-client'] });
    expect(ids()).toEqual([
      'support-files',
      'installation-option',
      'installation-type',
      'components',
      'prerequisites-before',
      'configure-async-client',
      'database-async-client',
      'prerequisites-after',
      'ready',
      'installing',
      'finish',
    ]);
  });

  it('both components walk both components\' pages in Setup\'s order', () => {
    withChoices({ components: ['async-server', 'async-client'] });
    const shown = ids();
    expect(shown.slice(shown.indexOf('prerequisites-before') + 1, shown.indexOf('prerequisites-after'))).toEqual(['configure', 'database', 'configure-async-client', 'database-async-client']);
  });

  it('Configure Async Client cleared: files only, no database page, whatever Async Server\'s choice is', () => {
    withChoices({ components: ['async-server', 'async-client'] });
    useWizard.getState().actions.setComponentConfigure('async-client', false);
    expect(ids()).not.toContain('database-async-client');
    expect(ids()).toContain('database');
    useWizard.getState().actions.setComponentConfigure('async-client', true);
    withChoices({ configure: false });
    expect(ids()).toContain('database-async-client');
    expect(ids()).not.toContain('database');
  });

  it('validate prerequisites only shows no component page', () => {
    withChoices({ components: ['async-server', 'async-client'], option: 'validate-only' });
    expect(ids().filter((id) => id.includes('configure') || id.includes('database'))).toEqual([]);
  });
});

describe('Ready to install, per component', () => {
  it('Async Client alone: its section and its databases\' section, the Components row naming it', () => {
    withChoices({ components: ['async-client'] });
    expect(sections().map((s) => s.title)).toEqual(['Setup support files', 'Installation', 'Components', 'Async Client', 'Async Client databases']);
    expect(row('Components', 'Components')).toBe('Async Client, Retail Salt Utility');
    expect(row('Async Client', 'Messaging')).toBe('WS-ReliableMessaging (default)');
    withChoices({ streaming: true });
    expect(row('Async Client', 'Messaging')).toBe('Streaming over the NetTcp port');
  });

  it('both: a section per component in Setup\'s order', () => {
    withChoices({ components: ['async-server', 'async-client'] });
    expect(sections().map((s) => s.title)).toEqual(['Setup support files', 'Installation', 'Components', 'Async Server', 'Message database', 'Async Client', 'Async Client databases']);
    expect(row('Components', 'Components')).toBe('Async Server, Retail Salt Utility; Async Client, Retail Salt Utility');
  });

  it('shows the entered values and never a password', () => {
    withChoices({ components: ['async-client'] });
    const { setSetting } = useWizard.getState().actions;
    setSetting('SynchServiceHeadOfficeURL', 'https://cdx-hq01.contoso.com/AsyncServer');
    setSetting('DataStoreUserName', 'HoustonUser');
    setSetting('ChannelDatabaseServer', 'STORE01');
    setSetting('ChannelDatabaseName', 'RetailChannelDatabase');
    useSecrets.getState().setConnectionPassword(CANARY);
    useSecrets.getState().setServicePassword(CANARY);
    expect(row('Async Client', 'Async Server URL')).toBe('https://cdx-hq01.contoso.com/AsyncServer');
    expect(row('Async Client', 'User name (Async Server connection)')).toBe('HoustonUser');
    expect(row('Async Client databases', 'Channel database')).toBe('RetailChannelDatabase on STORE01 (must exist)');
    expect(JSON.stringify(sections())).not.toContain(CANARY);
    expect(JSON.stringify(useWizard.getState())).not.toContain(CANARY);
  });

  it('files only: Async Client says so, and shows no database section', () => {
    withChoices({ components: ['async-client'] });
    useWizard.getState().actions.setComponentConfigure('async-client', false);
    expect(row('Async Client', 'Configure Async Client by using Setup')).toBe('No: application files only');
    expect(sections().map((s) => s.title)).not.toContain('Async Client databases');
  });
});

describe("Async Client's field rules in the wizard", () => {
  it('ask for both passwords by their own fields, and stop asking once each is entered', () => {
    withChoices({ components: ['async-client'] });
    useWizard.getState().actions.setSetting('ServiceUser', 'CONTOSO\\svc-cdx-store');
    const state = useWizard.getState();
    const none = { appPoolPassword: false, servicePassword: false, connectionPassword: false };
    expect(messageFor(issuesOf(state, none), 'ServicePassword')?.severity).toBe('error');
    expect(messageFor(issuesOf(state, none), 'DataStorePassword')?.severity).toBe('error');
    const both = { appPoolPassword: false, servicePassword: true, connectionPassword: true };
    expect(messageFor(issuesOf(state, both), 'ServicePassword')).toBeNull();
    expect(messageFor(issuesOf(state, both), 'DataStorePassword')).toBeNull();
  });
});
