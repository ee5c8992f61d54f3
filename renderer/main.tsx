// First, before React and Fluent UI are evaluated: the engine answers while they load.
import { sessionInPage, sessionRequest } from './wizard/session-request';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import iconUrl from '../build/icon.svg?no-inline';
import { App } from './App';
import 'virtual:fluent-theme.css';
import './styles.css';
import { reattachToRun, startWizard, startWizardWith } from './wizard/start-wizard';

const root = createRoot(document.getElementById('root')!);

/** The wizard on its first page; `now`: rendered in this task, so that the browser's next frame is the page itself. */
function showWizard(now: boolean) {
  const app = (
    <StrictMode>
      <App />
    </StrictMode>
  );
  if (now) flushSync(() => root.render(app));
  else root.render(app);
  requestIdleCallback(addTabIcon, { timeout: 1000 });
  void reattachToRun();
}

// The first render waits for the session, so the wizard renders once, on its first page. When the console wrote the
// session into the page, that is as the scripts are evaluated; otherwise (Electron) once the engine answers, and the
// page shows index.html's own "Starting CDX Setup…" until then.
const opening = sessionInPage ? startWizardWith(sessionInPage) : startWizard(sessionRequest);
if (opening) void opening.then(() => showWizard(false));
else showWizard(true);

/**
 * The tab's icon, once the first page is up: the browser fetches it at the page's load event and decodes the SVG on
 * the main thread (about 10 ms on a busy machine), which fell in the first render's moments.
 */
function addTabIcon() {
  const link = document.getElementById('tab-icon') as HTMLLinkElement;
  link.type = 'image/svg+xml';
  link.href = iconUrl;
}
