// The main navigation, as data: the header renders it (wide screens inline, phones in a menu).
import { routes } from './routes';

export interface NavLink {
  to: string;
  label: string;
}

export const NAV_LINKS: readonly NavLink[] = [
  { to: routes.home(), label: 'Portfolios' },
  { to: routes.people(), label: 'People' },
  { to: routes.qualifications(), label: 'Qualifications' },
  { to: routes.openBundle(), label: 'Open a bundle' },
  { to: routes.trust(), label: 'Trust' },
  { to: routes.sync(), label: 'Sync' },
  { to: routes.qa(), label: 'Quality' },
];
