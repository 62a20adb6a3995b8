import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { createSession, SessionProvider, type Session } from '@/lib/auth';
import { I18nProvider } from '@/lib/i18n';

/** A session that never waits for another tab; dispose() it after the test. */
export function testSession(): Session {
  return createSession({ lock: (run) => run() });
}

/** Renders routes in memory at `path`, inside the app's providers. Returns the router to read its location. */
export function renderRoutes(routes: RouteObject[], path: string, session: Session) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <I18nProvider>
      <SessionProvider session={session}>
        <RouterProvider router={router} />
      </SessionProvider>
    </I18nProvider>,
  );
  return router;
}
