import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectHost, HostContext } from './host';
import { setupI18n } from './i18n/i18n';
import './styles.css';

const i18n = setupI18n();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

void connectHost().then((host) =>
  createRoot(root).render(
    <StrictMode>
      {host ? (
        <HostContext.Provider value={host}>
          <App />
        </HostContext.Provider>
      ) : (
        <main className="app-main">
          <h1>{i18n.t('app.title')}</h1>
          <p role="alert">{i18n.t('app.noSession')}</p>
        </main>
      )}
    </StrictMode>,
  ),
);
