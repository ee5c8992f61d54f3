// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { useWizard } from '../../renderer/store/store';
import { firstPage, nextPage, visiblePages } from '../../renderer/wizard/pages';
import { freshWizard, session, withChoices } from './wizard-state';

const ids = () => visiblePages(useWizard.getState()).map((p) => p.id);

beforeEach(() => freshWizard());

describe('which pages a flow shows', () => {
  it('installing components: every page, the support files first on a computer that has none', () => {
    expect(ids()).toEqual([
      'support-files',
      'installation-option',
      'installation-type',
      'components',
      'prerequisites-before',
      'configure',
      'database',
      'prerequisites-after',
      'ready',
      'installing',
      'finish',
    ]);
  });

  it('the support files page only the first time', () => {
    useWizard.setState({ session: session('D:\\CDX Setup') });
    expect(ids()[0]).toBe('installation-option');
    expect(firstPage(useWizard.getState()).id).toBe('installation-option');
  });

  it('validate prerequisites only ends on its own results page', () => {
    withChoices({ option: 'validate-only' });
    expect(ids()).toEqual(['support-files', 'installation-option', 'prerequisites-only']);
  });

  it('add or modify components skips the type and components pages but validates twice', () => {
    withChoices({ option: 'modify' });
    expect(ids()).toEqual(['support-files', 'installation-option', 'prerequisites-before', 'configure', 'database', 'prerequisites-after', 'ready', 'installing', 'finish']);
  });

  it('application files only: no database page', () => {
    withChoices({ configure: false });
    expect(ids()).not.toContain('database');
    expect(ids()).toContain('configure');
  });

  it('without Async Server there is nothing to configure', () => {
    withChoices({ components: [] });
    expect(ids()).not.toContain('configure');
  });
});

describe('Next', () => {
  it('goes to the next page the flow shows, and none after the last', () => {
    useWizard.setState({ pageId: 'installation-option' });
    expect(nextPage(useWizard.getState())?.id).toBe('installation-type');
    withChoices({ option: 'modify' });
    expect(nextPage(useWizard.getState())?.id).toBe('prerequisites-before');
    useWizard.setState({ pageId: 'finish' });
    expect(nextPage(useWizard.getState())).toBeNull();
  });
});
