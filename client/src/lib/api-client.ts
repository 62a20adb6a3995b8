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
 * Hook point for authentication. Sign-in does not exist yet; when it does, the auth feature registers its
 * middleware here once at start-up (bearer token on each request, refresh on 401). Returns a function that
 * removes the middleware again (sign-out, tests).
 */
export function registerAuthMiddleware(middleware: Middleware): () => void {
  apiClient.use(middleware);
  return () => apiClient.eject(middleware);
}
