// First, before React and Fluent UI are evaluated: the engine answers while they load.
import { sessionRequest } from './wizard/session-request';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import { startWizard } from './wizard/start-wizard';

void startWizard(sessionRequest);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
