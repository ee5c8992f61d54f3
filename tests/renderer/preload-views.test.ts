// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LazyView } from '../../renderer/wizard/lazy-view';
import { LazyCancelDialog } from '../../renderer/wizard/lazy-cancel-dialog';
import { PAGES } from '../../renderer/wizard/pages';
import { preloadViews } from '../../renderer/wizard/preload-views';
import { freshWizard } from './wizard-state';

/** Each lazy view's preload, recorded in the order the wizard asks for them (nothing is fetched for real). */
const asked: string[] = [];
let releaseNext: () => void = () => undefined;

beforeEach(() => {
  vi.useFakeTimers();
  asked.length = 0;
  freshWizard({ pageId: 'installation-option', history: ['support-files'] });
  for (const page of PAGES) {
    const view = page.component as Partial<LazyView>;
    if (!view.preload) continue;
    vi.spyOn(view as LazyView, 'preload').mockImplementation(() => {
      asked.push(page.id);
      // The next page's view (installation type) arrives when the test says so.
      return page.id === 'installation-type' ? new Promise<void>((resolve) => (releaseNext = resolve)) : Promise.resolve();
    });
  }
  vi.spyOn(LazyCancelDialog, 'preload').mockImplementation(() => (asked.push('cancel dialog'), Promise.resolve()));
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('later views are fetched once the first page is up', () => {
  it('after a second of nothing: the next page first, alone, then every other view', async () => {
    const stop = preloadViews();
    await vi.advanceTimersByTimeAsync(999);
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked).toEqual(['installation-type']);
    releaseNext();
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toContain('ready');
    expect(asked).toContain('cancel dialog');
    expect(asked.length).toBeGreaterThan(5);
    stop();
  });

  it("at the user's first key, click or input, without waiting for the second, in a task after the event", async () => {
    for (const event of [new KeyboardEvent('keydown', { key: 'a' }), new PointerEvent('pointerdown'), new Event('input')]) {
      asked.length = 0;
      const stop = preloadViews();
      window.dispatchEvent(event);
      expect(asked, event.type).toEqual([]);
      await vi.advanceTimersByTimeAsync(0);
      expect(asked, event.type).toEqual(['installation-type']);
      stop();
    }
  });

  it('once only: a second act or the second passing asks for nothing more', async () => {
    const stop = preloadViews();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    await vi.advanceTimersByTimeAsync(0);
    releaseNext();
    await vi.advanceTimersByTimeAsync(0);
    const once = [...asked];
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'b' }));
    await vi.advanceTimersByTimeAsync(2000);
    expect(asked).toEqual(once);
    stop();
  });

  it('a wizard taken off the screen before then fetches nothing, acted on or not', async () => {
    const stop = preloadViews();
    stop();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    await vi.advanceTimersByTimeAsync(5000);
    expect(asked).toEqual([]);
  });
});
