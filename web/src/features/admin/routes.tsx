import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { RequirePermission } from '../../app/auth/guards';

// The administration pages, loaded on demand. router.tsx spreads these into the shell's children.
const TicketTypesPage = lazy(() => import('./process/TicketTypesPage'));
const ProcessPage = lazy(() => import('./process/ProcessPage'));
const QueuesTeamsPage = lazy(() => import('./queues/QueuesTeamsPage'));
const CategoriesPage = lazy(() => import('./catalog/CategoriesPage'));
const DimensionsPage = lazy(() => import('./catalog/DimensionsPage'));
const CustomFieldsPage = lazy(() => import('./catalog/CustomFieldsPage'));
const SlaPoliciesPage = lazy(() => import('./sla/SlaPoliciesPage'));
const CalendarsPage = lazy(() => import('./sla/CalendarsPage'));
const PrioritiesPage = lazy(() => import('./sla/PrioritiesPage'));
const OutboxPage = lazy(() => import('./mail/OutboxPage'));
const TemplatesPage = lazy(() => import('./mail/TemplatesPage'));

const CONFIGURE = 'helpdesk.configure';
const MAIL = 'mail.manage';

const guarded = (path: string, permission: string, element: React.ReactNode): RouteObject => ({
  path,
  element: <RequirePermission permission={permission}>{element}</RequirePermission>,
});

export const adminRoutes: RouteObject[] = [
  guarded('admin/ticket-types', CONFIGURE, <TicketTypesPage />),
  guarded('admin/ticket-types/:id', CONFIGURE, <ProcessPage />),
  guarded('admin/queues', CONFIGURE, <QueuesTeamsPage />),
  { path: 'admin/catalog', element: <Navigate to="/admin/catalog/categories" replace /> },
  guarded('admin/catalog/categories', CONFIGURE, <CategoriesPage />),
  guarded('admin/catalog/dimensions', CONFIGURE, <DimensionsPage />),
  guarded('admin/catalog/fields', CONFIGURE, <CustomFieldsPage />),
  { path: 'admin/sla', element: <Navigate to="/admin/sla/policies" replace /> },
  guarded('admin/sla/policies', CONFIGURE, <SlaPoliciesPage />),
  guarded('admin/sla/calendars', CONFIGURE, <CalendarsPage />),
  guarded('admin/sla/priorities', CONFIGURE, <PrioritiesPage />),
  { path: 'admin/mail', element: <Navigate to="/admin/mail/outbox" replace /> },
  guarded('admin/mail/outbox', MAIL, <OutboxPage />),
  guarded('admin/mail/templates', MAIL, <TemplatesPage />),
];
