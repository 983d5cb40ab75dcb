import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectHost, HostContext } from './host';
import { setupI18n } from './i18n/i18n';
import './styles.css';

setupI18n();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <HostContext.Provider value={connectHost()}>
      <App />
    </HostContext.Provider>
  </StrictMode>,
);
