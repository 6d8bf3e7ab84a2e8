// The verifier screens main.tsx mounts under the layout (paths from ROUTE_PATTERNS in ../../routes.ts), each a lazy
// chunk made with screen() from ../../screen.
import type { RouteObject } from 'react-router';
import { ROUTE_PATTERNS } from '../../routes';
import { screen } from '../../screen';

const readOnly = () => import('./ReadOnlyScreens');

/** The opened bundle's read-only views: the assessor's own pages over the bundle. */
export const verifierScreens: RouteObject[] = [
  { path: ROUTE_PATTERNS.verifyUnit, lazy: screen(readOnly, (m) => m.VerifyUnitPage) },
  { path: ROUTE_PATTERNS.verifyEvidence, lazy: screen(readOnly, (m) => m.VerifyEvidencePage) },
  { path: ROUTE_PATTERNS.verifyForms, lazy: screen(readOnly, (m) => m.VerifyFormsPage) },
  { path: ROUTE_PATTERNS.verifyGeneratedForm, lazy: screen(readOnly, (m) => m.VerifyGeneratedFormPage) },
  { path: ROUTE_PATTERNS.verifyForm, lazy: screen(readOnly, (m) => m.VerifyFormPage) },
  // A portfolio of the EQA's opened visit pack, through the same views.
  { path: ROUTE_PATTERNS.verifyPackUnit, lazy: screen(readOnly, (m) => m.PackUnitPage) },
  { path: ROUTE_PATTERNS.verifyPackEvidence, lazy: screen(readOnly, (m) => m.PackEvidencePage) },
  { path: ROUTE_PATTERNS.verifyPackForms, lazy: screen(readOnly, (m) => m.PackFormsPage) },
  { path: ROUTE_PATTERNS.verifyPackGeneratedForm, lazy: screen(readOnly, (m) => m.PackGeneratedFormPage) },
  { path: ROUTE_PATTERNS.verifyPackForm, lazy: screen(readOnly, (m) => m.PackFormPage) },
];
