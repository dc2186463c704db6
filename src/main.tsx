import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './views/App';
import { installDebugHook } from './store';
import './styles.css';
import { startServiceWorker } from './pwa/serviceWorker';

installDebugHook();
startServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
