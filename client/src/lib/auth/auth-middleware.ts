import type { Middleware } from 'openapi-fetch';
import type { Session } from './session';

// Endpoints that authenticate by their body, not by a bearer token; a 401 from them is an answer, not an expiry.
const credentialEndpoints = new Set([
  '/api/v1/auth/login',
  '/api/v1/auth/refresh',
  '/api/v1/auth/logout',
  '/api/v1/auth/token',
]);

function bearerOf(request: Request): string | null {
  const header = request.headers.get('Authorization');
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
}

/**
 * Adds `Authorization: Bearer <access token>` to every /api call but the credential endpoints. When such a call gets
 * 401, the session renews the token (one refresh shared by all calls that got 401 meanwhile) and the call is sent
 * once more with the new token; a second 401 is returned as it is. A refused refresh signs the user out (session).
 */
export function createAuthMiddleware(session: Pick<Session, 'accessToken' | 'renewAfterUnauthorized'>): Middleware {
  // The request as it was before fetch consumed its body, kept until the answer says whether to send it again.
  const copies = new Map<string, Request>();

  return {
    async onRequest({ request, schemaPath, id }) {
      // Only the API takes tokens: probes (/readyz) and public keys are anonymous.
      if (!schemaPath.startsWith('/api/') || credentialEndpoints.has(schemaPath)) {
        return undefined;
      }
      const token = await session.accessToken();
      if (!token) {
        return undefined;
      }
      request.headers.set('Authorization', `Bearer ${token}`);
      copies.set(id, request.clone());
      return request;
    },

    async onResponse({ request, response, id, options }) {
      const copy = copies.get(id);
      copies.delete(id);
      if (response.status !== 401 || !copy) {
        return undefined;
      }
      const token = await session.renewAfterUnauthorized(bearerOf(request));
      if (!token) {
        return undefined;
      }
      copy.headers.set('Authorization', `Bearer ${token}`);
      return options.fetch(copy);
    },

    onError({ id }) {
      copies.delete(id);
      return undefined;
    },
  };
}
