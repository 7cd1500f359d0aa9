import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiContext } from './api';
import { App } from './App';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
if (window.hireproof) {
  root.render(
    <StrictMode>
      <ApiContext.Provider value={window.hireproof}>
        <App />
      </ApiContext.Provider>
    </StrictMode>,
  );
} else {
  root.render(
    <main className="page">
      <h1>HireProof cannot start</h1>
      <p>The connection to the app is missing. Please reinstall HireProof or contact IT.</p>
    </main>,
  );
}
