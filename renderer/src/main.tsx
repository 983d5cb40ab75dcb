import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectHost, HostContext } from './host';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <HostContext.Provider value={connectHost()}>
      <App />
    </HostContext.Provider>
  </StrictMode>,
);
