import { RouterProvider } from 'react-router/dom';
import { SessionProvider, type Session } from '@/lib/auth';
import { I18nProvider } from '@/lib/i18n';
import { router } from './router';

export function App({ session }: { session: Session }) {
  return (
    <I18nProvider>
      <SessionProvider session={session}>
        <RouterProvider router={router} />
      </SessionProvider>
    </I18nProvider>
  );
}
