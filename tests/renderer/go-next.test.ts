// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { componentsPage } from '../../renderer/pages/ComponentsPage';
import { prerequisitesBeforePage } from '../../renderer/pages/PrerequisitesPage';
import { useWizard } from '../../renderer/store/store';
import { goNext } from '../../renderer/wizard/go-next';
import type { LazyView } from '../../renderer/wizard/lazy-view';
import { freshWizard } from './wizard-state';

/** Every value `busy` took, in order: what the user saw of Working…. */
let busySeen: boolean[] = [];
let unsubscribe: () => void = () => undefined;
const nextView = prerequisitesBeforePage.component as LazyView;

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => {
  freshWizard({ pageId: 'components', history: ['support-files', 'installation-option', 'installation-type'] });
  busySeen = [];
  unsubscribe = useWizard.subscribe((s, before) => {
    if (s.busy !== before.busy) busySeen.push(s.busy);
  });
});

afterEach(() => {
  unsubscribe();
  vi.restoreAllMocks();
});

describe('Next', () => {
  it('a page check that answers at once: straight to the next page, no Working… in between', async () => {
    vi.spyOn(nextView, 'loaded').mockReturnValue(true);
    await goNext();
    expect(useWizard.getState().pageId).toBe('prerequisites-before');
    expect(busySeen).toEqual([]);
  });

  it('a page check still out: Working… while it is, and the next view is fetched meanwhile, not after', async () => {
    const check = deferred<string | null>();
    vi.spyOn(componentsPage, 'beforeNext').mockReturnValue(check.promise);
    vi.spyOn(nextView, 'loaded').mockReturnValue(false);
    const preload = vi.spyOn(nextView, 'preload').mockResolvedValue();
    const going = goNext();
    await Promise.resolve();
    await Promise.resolve();
    expect(preload).toHaveBeenCalled();
    expect(useWizard.getState().busy).toBe(true);
    expect(useWizard.getState().pageId).toBe('components');
    check.resolve(null);
    await going;
    expect(useWizard.getState().pageId).toBe('prerequisites-before');
    expect(busySeen[0]).toBe(true);
    expect(useWizard.getState().busy).toBe(false);
  });

  it("the page's check says no: the user stays, with its message, and Working… is gone", async () => {
    vi.spyOn(componentsPage, 'beforeNext').mockReturnValue(new Promise((r) => setTimeout(() => r('Select at least one component to install.'), 5)));
    vi.spyOn(nextView, 'loaded').mockReturnValue(true);
    await goNext();
    expect(useWizard.getState()).toMatchObject({ pageId: 'components', busy: false, attemptedNext: true, pageError: 'Select at least one component to install.' });
    expect(busySeen).toEqual([true, false]);
  });

  it('a view not here yet: Next waits for it on this page (Working…), then shows the page at once', async () => {
    const view = deferred<void>();
    vi.spyOn(nextView, 'loaded').mockReturnValue(false);
    vi.spyOn(nextView, 'preload').mockReturnValue(view.promise);
    const going = goNext();
    await new Promise((r) => setTimeout(r, 0));
    expect(useWizard.getState()).toMatchObject({ pageId: 'components', busy: true });
    view.resolve();
    await going;
    expect(useWizard.getState()).toMatchObject({ pageId: 'prerequisites-before', busy: false });
  });

  it('while a check is out, a second Next does nothing', async () => {
    const check = deferred<string | null>();
    const beforeNext = vi.spyOn(componentsPage, 'beforeNext').mockReturnValue(check.promise);
    vi.spyOn(nextView, 'loaded').mockReturnValue(true);
    const first = goNext();
    await new Promise((r) => setTimeout(r, 0));
    await goNext();
    expect(beforeNext).toHaveBeenCalledTimes(1);
    check.resolve(null);
    await first;
    expect(useWizard.getState().history.filter((id) => id === 'components')).toHaveLength(1);
  });
});
