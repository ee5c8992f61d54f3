import { useShallow } from 'zustand/react/shallow';
import { useWizard } from '../store/store';
import { pageById } from './pages';
import { selectVisiblePageIds } from './selectors';

/** Setup's steps down the side: the pages this flow shows, the current one marked. */
export function StepList() {
  const ids = useWizard(useShallow(selectVisiblePageIds));
  const pageId = useWizard((s) => s.pageId);
  const current = ids.indexOf(pageId);
  return (
    <nav aria-label="Setup steps" className="steps">
      <ol>
        {ids.map((id, i) => (
          <li key={id} aria-current={id === pageId ? 'step' : undefined} className={i < current ? 'done' : i === current ? 'current' : ''}>
            {pageById(id).title}
          </li>
        ))}
      </ol>
    </nav>
  );
}
