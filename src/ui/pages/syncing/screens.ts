// The sync screens main.tsx mounts under the layout (paths from ROUTE_PATTERNS in ../../routes.ts), each a lazy
// chunk made with screen() from ../../screen.
import type { RouteObject } from 'react-router';
import { ROUTE_PATTERNS } from '../../routes';
import { screen } from '../../screen';

export const syncScreens: RouteObject[] = [
  {
    path: ROUTE_PATTERNS.connect,
    lazy: screen(
      () => import('./ConnectPage'),
      (m) => m.ConnectPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.sync,
    lazy: screen(
      () => import('./SyncPage'),
      (m) => m.SyncPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.syncSettings,
    lazy: screen(
      () => import('./SyncSettingsPage'),
      (m) => m.SyncSettingsPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.syncLog,
    lazy: screen(
      () => import('./SyncLogPage'),
      (m) => m.SyncLogPage,
    ),
  },
];
