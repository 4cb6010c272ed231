import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAuth, RequirePermission } from './auth/guards';
import { NotAvailablePage, NotFoundPage, RouteErrorPage } from './components/StatusPages';
import { Shell } from './shell/Shell';
import { adminRoutes } from '../features/admin/routes';
import { billingRoutes } from '../features/billing/routes';
import { contractsRoutes } from '../features/contracts/routes';
import { exportsRoutes } from '../features/exports/routes';
import { pricingRoutes } from '../features/pricing/routes';
import { recordsRoutes } from '../features/records/routes';
import { warehouseRoutes } from '../features/warehouse/routes';
import { settingsRoutes } from '../features/settings/routes';
import { ratesRoutes } from '../features/rates/routes';

// Feature pages load on demand so the first paint stays small.
const SignInPage = lazy(() => import('../features/auth/SignInPage'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const ClientsListPage = lazy(() => import('../features/clients/ClientsListPage'));
const ClientDetailPage = lazy(() => import('../features/clients/ClientDetailPage'));
const ClientFormPage = lazy(() => import('../features/clients/ClientFormPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const AuditLogPage = lazy(() => import('../features/audit/AuditLogPage'));
const ChangePasswordPage = lazy(() => import('../features/account/ChangePasswordPage'));
const TokensPage = lazy(() => import('../features/account/TokensPage'));
const TicketsListPage = lazy(() => import('../features/tickets/TicketsListPage'));
const TicketCreatePage = lazy(() => import('../features/tickets/TicketCreatePage'));
const TicketDetailPage = lazy(() => import('../features/tickets/TicketDetailPage'));

const soon: string[] = [];

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteErrorPage /> },
  {
    path: '/',
    errorElement: <RouteErrorPage />,
    element: (
      <RequireAuth>
        <Shell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <DashboardPage /> },
      ...soon.map((area) => ({ path: area, element: <NotAvailablePage area={area} /> })),
      {
        path: 'tickets',
        element: <RequirePermission permission="tickets.read"><TicketsListPage /></RequirePermission>,
      },
      {
        path: 'tickets/new',
        element: <RequirePermission permission="tickets.write"><TicketCreatePage /></RequirePermission>,
      },
      {
        path: 'tickets/:id',
        element: <RequirePermission permission="tickets.read"><TicketDetailPage /></RequirePermission>,
      },
      {
        path: 'clients',
        element: <RequirePermission permission="clients.read"><ClientsListPage /></RequirePermission>,
      },
      {
        path: 'clients/new',
        element: <RequirePermission permission="clients.write"><ClientFormPage /></RequirePermission>,
      },
      {
        path: 'clients/:id',
        element: <RequirePermission permission="clients.read"><ClientDetailPage /></RequirePermission>,
      },
      {
        path: 'clients/:id/edit',
        element: <RequirePermission permission="clients.write"><ClientFormPage /></RequirePermission>,
      },
      {
        path: 'admin/users',
        element: <RequirePermission permission="users.read"><UsersPage /></RequirePermission>,
      },
      {
        path: 'admin/audit',
        element: <RequirePermission permission="audit.read"><AuditLogPage /></RequirePermission>,
      },
      ...adminRoutes,
      ...pricingRoutes,
      ...recordsRoutes,
      ...billingRoutes,
      ...contractsRoutes,
      ...exportsRoutes,
      ...warehouseRoutes,
      ...settingsRoutes,
      ...ratesRoutes,
      { path: 'account/password', element: <ChangePasswordPage /> },
      {
        path: 'account/tokens',
        element: <RequirePermission permission="tokens.own"><TokensPage /></RequirePermission>,
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
