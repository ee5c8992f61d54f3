// First, before React and Fluent UI are evaluated: the engine answers while they load.
import { sessionRequest } from './wizard/session-request';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import iconUrl from '../build/icon.svg?no-inline';
import { App } from './App';
import 'virtual:fluent-theme.css';
import './styles.css';
import { reattachToRun, startWizard } from './wizard/start-wizard';

const root = createRoot(document.getElementById('root')!);
// The first render waits for the session, so the wizard renders once, on its first page; until then the page shows
// index.html's own "Starting CDX Setup…".
void startWizard(sessionRequest).then(() => {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  requestIdleCallback(addTabIcon, { timeout: 1000 });
  return reattachToRun();
});

/**
 * The tab's icon, once the first page is up: the browser fetches it at the page's load event and decodes the SVG on
 * the main thread (about 10 ms on a busy machine), which fell in the first render's moments.
 */
function addTabIcon() {
  const link = document.createElement('link');
  link.rel = 'icon';
  link.type = 'image/svg+xml';
  link.href = iconUrl;
  document.head.append(link);
}
