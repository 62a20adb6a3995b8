import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './api/schema';

export type Schemas = components['schemas'];

/**
 * The one client for the registry API. Paths are relative (baseUrl ''): the API serves the SPA, and in
 * development Vite proxies the API paths (vite.config.ts).
 */
export const apiClient = createClient<paths>({
  baseUrl: '',
  // Looked up per call rather than captured once, so a test can replace fetch at the network boundary.
  fetch: (request: Request) => globalThis.fetch(request),
});

/**
 * Hook point for authentication: main.tsx registers the session's middleware (lib/auth/auth-middleware.ts: bearer
 * token on each API call, one shared refresh and a single retry on 401) once at start-up. Returns a function that
 * removes the middleware again (tests).
 */
export function registerAuthMiddleware(middleware: Middleware): () => void {
  apiClient.use(middleware);
  return () => apiClient.eject(middleware);
}
