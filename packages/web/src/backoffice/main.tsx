import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../i18n/index.js';
import { App } from './app.js';
import '../help/help.css';
import './backoffice.css';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
