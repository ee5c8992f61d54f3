import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import { startWizard } from './wizard/Wizard';

// Ask the engine for the session while React renders its first frame, not after: one round trip less to wait for.
void startWizard();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
