import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { createSession, SessionProvider, type Session } from '@/lib/auth';
import type { Schemas } from '@/lib/api-client';
import { I18nProvider } from '@/lib/i18n';

/**
 * Renders `ui` inside the app's providers and a router, signed in as `user` (or signed out when null). The session's
 * token is never sent anywhere: the fake registry API does not check it. dispose() the session after the test.
 */
export function renderAs(user: Schemas['CurrentUser'] | null, ui: ReactNode): Session {
  const session = createSession({ lock: (run) => run() });
  if (user) {
    session.start({ accessToken: 'access-test', expiresIn: 900, refreshToken: 'refresh-test', refreshTokenExpiresAt: '2099-01-01T00:00:00Z', user });
  }
  render(
    <I18nProvider>
      <SessionProvider session={session}>
        <MemoryRouter>{ui}</MemoryRouter>
      </SessionProvider>
    </I18nProvider>,
  );
  return session;
}

/** A taxonomy list as GET /api/v1/taxonomy/{kind} answers it. */
export function taxonomyTerms(terms: readonly { code: string; label: string }[]) {
  return terms.map((term) => ({ ...term, labelJa: term.label, labelEn: term.label, synonyms: [] }));
}
