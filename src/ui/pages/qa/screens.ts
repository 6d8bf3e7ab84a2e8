// The qa screens main.tsx mounts under the layout (paths from ROUTE_PATTERNS in ../../routes.ts), each a lazy
// chunk made with screen() from ../../screen.
import type { RouteObject } from 'react-router';
import { ROUTE_PATTERNS } from '../../routes';
import { screen } from '../../screen';

export const qaScreens: RouteObject[] = [
  {
    path: ROUTE_PATTERNS.qa,
    lazy: screen(
      () => import('./PlansPage'),
      (m) => m.PlansPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.qaPlan,
    lazy: screen(
      () => import('./PlanPage'),
      (m) => m.PlanPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.qaDecide,
    lazy: screen(
      () => import('./DecisionPage'),
      (m) => m.DecisionPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.qaCountersign,
    lazy: screen(
      () => import('./CountersignPage'),
      (m) => m.CountersignPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.qaStandardisation,
    lazy: screen(
      () => import('./StandardisationPage'),
      (m) => m.StandardisationPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.qaCpd,
    lazy: screen(
      () => import('./CpdPage'),
      (m) => m.CpdPage,
    ),
  },
  {
    path: ROUTE_PATTERNS.qaAppeals,
    lazy: screen(
      () => import('./AppealsPage'),
      (m) => m.AppealsPage,
    ),
  },
];
