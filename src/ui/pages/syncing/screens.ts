// The sync screens main.tsx mounts under the layout (paths from ROUTE_PATTERNS in ../../routes.ts), each a lazy
// chunk made with screen() from ../../screen.
import type { RouteObject } from 'react-router';

export const syncScreens: RouteObject[] = [];
