import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerAuthMiddleware } from '@/lib/api-client';
import { createAuthMiddleware, createSession } from '@/lib/auth';
import { App } from './app/app';
import './app/global.css';

const root = document.getElementById('root');
if (!root) {
  throw new Error('index.html has no #root element');
}

// One session for the page: the access token stays in its memory, the refresh token in localStorage. A stored
// refresh token is exchanged right away, so a reload stays signed in.
const session = createSession();
registerAuthMiddleware(createAuthMiddleware(session));
void session.restore();

createRoot(root).render(
  <StrictMode>
    <App session={session} />
  </StrictMode>,
);
