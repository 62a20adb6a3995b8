import type { ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout, type NavItem } from '@/components/layouts/app-layout';
import { RequireRole } from '@/components/require-role';
import type { Role } from '@/lib/auth';
import type { MessageKey } from '@/lib/i18n';
import { AccountRoute } from './routes/account';
import { AdminAccountsRoute } from './routes/admin-accounts';
import { AnalyticsRoute } from './routes/analytics';
import { AuditRoute } from './routes/audit';
import { ClusterRoute } from './routes/cluster';
import { ClusterEditRoute } from './routes/cluster-edit';
import { ClusterNewRoute } from './routes/cluster-new';
import { ClustersRoute } from './routes/clusters';
import { GatheringRoute } from './routes/gathering';
import { GatheringAgendaRoute } from './routes/gathering-agenda';
import { GatheringBoardRoute } from './routes/gathering-board';
import { GatheringBoothsRoute } from './routes/gathering-booths';
import { GatheringBriefRoute } from './routes/gathering-brief';
import { GatheringEditRoute } from './routes/gathering-edit';
import { GatheringNewRoute } from './routes/gathering-new';
import { GatheringTablePlanRoute } from './routes/gathering-table-plan';
import { GatheringsRoute } from './routes/gatherings';
import { HomeRoute } from './routes/home';
import { ImportDuplicatesRoute } from './routes/import-duplicates';
import { LoginRoute } from './routes/login';
import { MatchingRoute } from './routes/matching';
import { MatchingInboxRoute } from './routes/matching-inbox';
import { MatchingNewRoute } from './routes/matching-new';
import { MatchingRequestRoute } from './routes/matching-request';
import { MySitesRoute } from './routes/my-sites';
import { NewSiteRoute } from './routes/new-site';
import { NotFoundRoute } from './routes/not-found';
import { OrderRoute } from './routes/order';
import { OrderNewRoute } from './routes/order-new';
import { OrderRoutePageRoute } from './routes/order-route';
import { OrdersRoute } from './routes/orders';
import { RespondRoute } from './routes/respond';
import { SupplierRoute } from './routes/supplier';
import { SupplierEditRoute } from './routes/supplier-edit';
import { SuppliersRoute } from './routes/suppliers';
import { VerificationRoute } from './routes/verification';

// Who may open each page that needs sign-in; the header shows a page's link to the same roles. The API decides
// again on every call (a supplier edits only its own sites: the editor asks the profile's canEdit).
const access = {
  account: undefined,
  audit: ['coordinator', 'admin'],
  adminAccounts: ['admin'],
  // Any signed-in person may ask for matches; the inbox is for the accounts of invited sites.
  matching: undefined,
  matchingInbox: ['supplier'],
  mySites: ['supplier'],
  newSite: ['supplier', 'coordinator', 'admin'],
  editSite: ['supplier', 'coordinator', 'admin'],
  verification: ['coordinator', 'admin'],
  // Rows an integrator's import held back as probable duplicates; the API lets coordinators and admins resolve them.
  importDuplicates: ['coordinator', 'admin'],
  // Clusters and their coverage are public; coordinators create and edit them (the API lets only a cluster's own
  // coordinators change it). The region dashboard reads a public endpoint, but is a coordinator's tool.
  editCluster: ['coordinator', 'admin'],
  analytics: ['coordinator', 'admin'],
  // Buyers' accounts place orders (DESIGN §11) and suppliers' accounts receive them; the API shows each order to its
  // parties only. Coordinators are not parties: they see orders in aggregate (analytics). The response page
  // (/respond) is public: its link is the credential.
  orders: ['member', 'supplier', 'admin'],
  // Gatherings (DESIGN §12) are public once published; coordinators create and run them (the API lets only a
  // gathering's organisers change it). A participant's agenda and a meeting's brief are for signed-in readers (the API
  // shows them to the participant, the meeting's two sides and the organisers).
  organiseGathering: ['coordinator', 'admin'],
  agenda: undefined,
} satisfies Record<string, readonly Role[] | undefined>;

export const navigation: readonly NavItem[] = [
  { to: '/suppliers', label: 'nav.suppliers', public: true },
  { to: '/clusters', label: 'nav.clusters', public: true },
  { to: '/gatherings', label: 'nav.gatherings', public: true },
  { to: '/matching', label: 'nav.matching', roles: access.matching },
  { to: '/matching/inbox', label: 'nav.matchingInbox', roles: access.matchingInbox },
  { to: '/orders', label: 'nav.orders', roles: access.orders },
  { to: '/my/sites', label: 'nav.mySites', roles: access.mySites },
  { to: '/coordinator/verification', label: 'nav.verification', roles: access.verification },
  { to: '/imports/duplicates', label: 'nav.importDuplicates', roles: access.importDuplicates },
  { to: '/analytics', label: 'nav.analytics', roles: access.analytics },
  { to: '/account', label: 'nav.account', roles: access.account },
  { to: '/audit', label: 'nav.audit', roles: access.audit },
  { to: '/admin/accounts', label: 'nav.accounts', roles: access.adminAccounts },
];

/** A route's page title (AppLayout puts it in <title>); pages that know more (a site's name) say so themselves. */
export interface RouteHandle {
  title?: MessageKey;
}

const titled = (title: MessageKey): RouteHandle => ({ title });

function guarded(roles: readonly Role[] | undefined, element: ReactNode) {
  return <RequireRole roles={roles}>{element}</RequireRole>;
}

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout navigation={navigation} />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'login', handle: titled('title.login'), element: <LoginRoute /> },
      { path: 'suppliers', handle: titled('title.suppliers'), element: <SuppliersRoute /> },
      { path: 'suppliers/:id', handle: titled('title.supplier'), element: <SupplierRoute /> },
      {
        path: 'suppliers/:id/print',
        handle: titled('title.companySheet'),
        // Its own chunk (with the QR code encoder): only those who print load it.
        lazy: async () => ({ Component: (await import('./routes/supplier-print')).SupplierPrintRoute }),
      },
      { path: 'suppliers/:id/edit', handle: titled('title.supplierEdit'), element: guarded(access.editSite, <SupplierEditRoute />) },
      { path: 'my/sites', handle: titled('title.mySites'), element: guarded(access.mySites, <MySitesRoute />) },
      { path: 'my/sites/new', handle: titled('title.newSite'), element: guarded(access.newSite, <NewSiteRoute />) },
      { path: 'matching', handle: titled('title.matching'), element: guarded(access.matching, <MatchingRoute />) },
      { path: 'matching/new', handle: titled('title.matchingNew'), element: guarded(access.matching, <MatchingNewRoute />) },
      { path: 'matching/inbox', handle: titled('title.matchingInbox'), element: guarded(access.matchingInbox, <MatchingInboxRoute />) },
      { path: 'matching/:id', handle: titled('title.matchingRequest'), element: guarded(access.matching, <MatchingRequestRoute />) },
      { path: 'orders', handle: titled('title.orders'), element: guarded(access.orders, <OrdersRoute />) },
      { path: 'orders/new', handle: titled('title.orderNew'), element: guarded(access.orders, <OrderNewRoute />) },
      { path: 'orders/:id', handle: titled('title.order'), element: guarded(access.orders, <OrderRoute />) },
      {
        path: 'orders/:id/print',
        handle: titled('title.orderPrint'),
        // Its own chunk (with the QR code encoder), as the company sheet.
        lazy: async () => ({ Component: (await import('./routes/order-print')).OrderPrintRoute }),
      },
      { path: 'order-routes/:id', handle: titled('title.orderRoute'), element: guarded(access.orders, <OrderRoutePageRoute />) },
      { path: 'respond', handle: titled('title.respond'), element: <RespondRoute /> },
      { path: 'coordinator/verification', handle: titled('title.verification'), element: guarded(access.verification, <VerificationRoute />) },
      { path: 'imports/duplicates', handle: titled('title.importDuplicates'), element: guarded(access.importDuplicates, <ImportDuplicatesRoute />) },
      { path: 'clusters', handle: titled('title.clusters'), element: <ClustersRoute /> },
      { path: 'clusters/new', handle: titled('title.clusterNew'), element: guarded(access.editCluster, <ClusterNewRoute />) },
      { path: 'clusters/:id', handle: titled('title.cluster'), element: <ClusterRoute /> },
      { path: 'clusters/:id/edit', handle: titled('title.clusterEdit'), element: guarded(access.editCluster, <ClusterEditRoute />) },
      { path: 'gatherings', handle: titled('title.gatherings'), element: <GatheringsRoute /> },
      { path: 'gatherings/new', handle: titled('title.gatheringNew'), element: guarded(access.organiseGathering, <GatheringNewRoute />) },
      { path: 'gatherings/:id', handle: titled('title.gathering'), element: <GatheringRoute /> },
      { path: 'gatherings/:id/edit', handle: titled('title.gatheringEdit'), element: guarded(access.organiseGathering, <GatheringEditRoute />) },
      { path: 'gatherings/:id/booths', handle: titled('title.gatheringBooths'), element: <GatheringBoothsRoute /> },
      { path: 'gatherings/:id/agenda', handle: titled('title.gatheringAgenda'), element: guarded(access.agenda, <GatheringAgendaRoute />) },
      { path: 'gatherings/:id/meetings/:meetingId/brief', handle: titled('title.gatheringBrief'), element: guarded(access.agenda, <GatheringBriefRoute />) },
      { path: 'gatherings/:id/board', handle: titled('title.gatheringBoard'), element: guarded(access.organiseGathering, <GatheringBoardRoute />) },
      {
        path: 'gatherings/:id/table-plan',
        handle: titled('title.gatheringTablePlan'),
        element: guarded(access.organiseGathering, <GatheringTablePlanRoute />),
      },
      { path: 'analytics', handle: titled('title.analytics'), element: <AnalyticsRoute /> },
      { path: 'account', handle: titled('title.account'), element: guarded(access.account, <AccountRoute />) },
      { path: 'audit', handle: titled('title.audit'), element: guarded(access.audit, <AuditRoute />) },
      { path: 'admin/accounts', handle: titled('title.adminAccounts'), element: guarded(access.adminAccounts, <AdminAccountsRoute />) },
      { path: '*', handle: titled('title.notFound'), element: <NotFoundRoute /> },
    ],
  },
];

// Client routes. The API answers any other non-API path with index.html, so deep links land here.
export const router = createBrowserRouter(routes);
