import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../app/auth/guards';

// Company settings (settings.manage), loaded on demand. router.tsx spreads these into the shell's children.
const CompanySettingsPage = lazy(() => import('./CompanySettingsPage'));

export const settingsRoutes: RouteObject[] = [
  { path: 'admin/company', element: <RequirePermission permission="settings.manage"><CompanySettingsPage /></RequirePermission> },
];
