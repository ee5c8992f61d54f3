// First, before React and Fluent UI are evaluated: the engine answers while they load.
import { sessionRequest } from './wizard/session-request';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
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
  return reattachToRun();
});
