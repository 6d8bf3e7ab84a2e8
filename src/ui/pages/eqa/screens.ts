// The eqa screens main.tsx mounts under the layout (paths from ROUTE_PATTERNS in ../../routes.ts), each a lazy
// chunk made with screen() from ../../screen.
import type { RouteObject } from 'react-router';
import { ROUTE_PATTERNS } from '../../routes';
import { screen } from '../../screen';

export const eqaScreens: RouteObject[] = [
  {
    path: ROUTE_PATTERNS.eqaPack,
    lazy: screen(
      () => import('./EqaPackPage'),
      (m) => m.EqaPackPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.verifyPack,
    lazy: screen(
      () => import('./VerifyPackPage'),
      (m) => m.VerifyPackPage,
    ),
  },
];
