import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../app/auth/guards';

// Billing runs, drafts, invoices and the profitability report, loaded on demand. router.tsx spreads these into the shell's children.
const BillingRunPage = lazy(() => import('./BillingRunPage'));
const RunResultPage = lazy(() => import('./RunResultPage'));
const InvoicesListPage = lazy(() => import('./InvoicesListPage'));
const InvoicePage = lazy(() => import('./InvoicePage'));
const ProfitabilityPage = lazy(() => import('./ProfitabilityPage'));

export const billingRoutes: RouteObject[] = [
  { path: 'billing', element: <RequirePermission permission="billing.run"><BillingRunPage /></RequirePermission> },
  { path: 'billing/runs/:id', element: <RequirePermission permission="billing.run"><RunResultPage /></RequirePermission> },
  { path: 'invoices', element: <RequirePermission permission="invoices.read"><InvoicesListPage /></RequirePermission> },
  { path: 'invoices/:id', element: <RequirePermission permission="invoices.read"><InvoicePage /></RequirePermission> },
  { path: 'reports', element: <RequirePermission permission="profitability.read"><ProfitabilityPage /></RequirePermission> },
];
