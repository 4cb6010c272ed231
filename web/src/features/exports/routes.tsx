import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../app/auth/guards';

// Accounting exports (exports.run), loaded on demand; router.tsx spreads these into the shell's children.
const ExportsPage = lazy(() => import('./ExportsPage'));

export const exportsRoutes: RouteObject[] = [
  { path: 'exports', element: <RequirePermission permission="exports.run"><ExportsPage /></RequirePermission> },
];
