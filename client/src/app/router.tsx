import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout, type NavItem } from '@/components/layouts/app-layout';
import { RequireRole } from '@/components/require-role';
import type { Role } from '@/lib/auth';
import { AccountRoute } from './routes/account';
import { AdminAccountsRoute } from './routes/admin-accounts';
import { AuditRoute } from './routes/audit';
import { HomeRoute } from './routes/home';
import { LoginRoute } from './routes/login';
import { NotFoundRoute } from './routes/not-found';

// Who may open each page that needs sign-in; the header shows a page's link to the same roles.
const access = {
  account: undefined,
  audit: ['coordinator', 'admin'],
  adminAccounts: ['admin'],
} satisfies Record<string, readonly Role[] | undefined>;

export const navigation: readonly NavItem[] = [
  { to: '/account', label: 'nav.account', roles: access.account },
  { to: '/audit', label: 'nav.audit', roles: access.audit },
  { to: '/admin/accounts', label: 'nav.accounts', roles: access.adminAccounts },
];

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout navigation={navigation} />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'login', element: <LoginRoute /> },
      {
        path: 'account',
        element: (
          <RequireRole roles={access.account}>
            <AccountRoute />
          </RequireRole>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequireRole roles={access.audit}>
            <AuditRoute />
          </RequireRole>
        ),
      },
      {
        path: 'admin/accounts',
        element: (
          <RequireRole roles={access.adminAccounts}>
            <AdminAccountsRoute />
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

// Client routes. The API answers any other non-API path with index.html, so deep links land here.
export const router = createBrowserRouter(routes);
