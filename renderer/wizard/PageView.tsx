import { Spinner } from '@fluentui/react-components';
import { Activity, createContext, Suspense, useCallback, useContext, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { pageById } from './pages';

/** Whether the page around is the one shown: a hidden page that is still loading shows nothing, not a spinner. */
const PageShown = createContext(true);

function PageLoading() {
  return useContext(PageShown) ? <Spinner label="Loading the page…" /> : null;
}

/**
 * A page's view. Hidden, it is the next page rendered ahead while the user is on this one, so that Next only has to
 * reveal it. React's Activity keeps its effects from running until then, and the element inside stays the same
 * object, so revealing renders none of the view again. Its DOM is built in a container of its own that is out of
 * the document while hidden (a portal): what the user, a screen reader, axe or a test reads is the shown page
 * alone. The slot's ref puts the container in place before the view's own layout effects run (siblings commit in
 * order). Its own Suspense boundary keeps a hidden view that is still loading from replacing the shown one.
 */
export function PageView({ id, shown }: { id: string; shown: boolean }) {
  const View = pageById(id).component;
  const [container] = useState(() => Object.assign(document.createElement('div'), { className: 'page-view' }));
  const slot = useCallback(
    (element: HTMLDivElement | null) => {
      if (element && shown) element.append(container);
      else container.remove();
    },
    [shown, container],
  );
  const content = useMemo(
    () => (
      <Suspense fallback={<PageLoading />}>
        <View />
      </Suspense>
    ),
    [View],
  );
  return (
    <>
      <div ref={slot} className="page-view" />
      {createPortal(
        <PageShown.Provider value={shown}>
          <Activity mode={shown ? 'visible' : 'hidden'}>{content}</Activity>
        </PageShown.Provider>,
        container,
      )}
    </>
  );
}
