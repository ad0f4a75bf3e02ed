import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StartupGate } from './features/recovery/StartupGate';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <StartupGate />
    </StrictMode>,
  );
}
