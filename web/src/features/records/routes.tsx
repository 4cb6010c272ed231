import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { RequirePermission } from '../../app/auth/guards';

// Time & records pages, loaded on demand. router.tsx spreads these into the shell's children.
const TimesheetsPage = lazy(() => import('./TimesheetsPage'));
const ApprovalsPage = lazy(() => import('./ApprovalsPage'));

export const recordsRoutes: RouteObject[] = [
  { path: 'records', element: <Navigate to="/timesheets" replace /> },
  { path: 'timesheets', element: <RequirePermission permission="records.write"><TimesheetsPage /></RequirePermission> },
  { path: 'approvals', element: <RequirePermission permission="records.approve"><ApprovalsPage /></RequirePermission> },
];
