import { createElement, lazy, type ComponentType } from 'react';

/** A page's view (or a dialog) in a chunk of its own, which the wizard fetches once the first page is up. */
export type LazyView = (() => ReturnType<typeof createElement>) & { preload(): Promise<void>; loaded(): boolean };

/**
 * Once its chunk is here, the view renders at once. React.lazy alone suspends on its first render even when the
 * chunk was fetched long before, and React reveals suspended content at most every 300 ms: every page change waited
 * for that.
 */
export function lazyView(load: () => Promise<ComponentType>): LazyView {
  let view: ComponentType | null = null;
  let loading: Promise<ComponentType> | null = null;
  const fetchView = () =>
    (loading ??= load().then((v) => {
      view = v;
      return v;
    }));
  const Suspending = lazy(() => fetchView().then((v) => ({ default: v })));
  const View = (() => createElement(view ?? Suspending)) as LazyView;
  View.preload = () => fetchView().then(() => undefined);
  View.loaded = () => view !== null;
  return View;
}
