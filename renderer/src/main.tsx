import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectHost, HostContext } from './host';
import './styles.css';

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
          <h1>Korrigo Scan Station</h1>
          <p role="alert">
            Session absente ou terminée : ouvrez le lien de connexion affiché par « korrigo-station serve ».
          </p>
        </main>
      )}
    </StrictMode>,
  ),
);
