// After a move to another page, keyboard and screen-reader focus goes to its heading, as on a page load; without
// this, focus stayed on the link pressed, which no longer exists. (Where the page scrolls to is react-router's
// <ScrollRestoration>, beside this in the layout: the top, or where the user was on going Back.)
import { useEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';

/** How long to wait for the heading of a page still loading (a lazy screen, data from IndexedDB). */
const HEADING_WAIT_MS = 3000;

/** Puts focus on `main h1` (made focusable by script only), or on `main` while the page has no heading yet. */
function focusHeading(main: HTMLElement): boolean {
  const heading = main.querySelector<HTMLElement>('h1');
  if (!heading) return false;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
  return true;
}

export function RouteFocus() {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  // The first page is focused by the browser; a replace (Save giving a new form its address) is the same page
  // and keeps where the user is; a change of `#…` alone is a place on the same page.
  const shown = useRef(pathname);
  useEffect(() => {
    if (pathname === shown.current) return;
    shown.current = pathname;
    if (navigationType === 'REPLACE') return;
    const main = document.getElementById('main');
    if (!main || focusHeading(main)) return;
    main.focus({ preventScroll: true });
    const observer = new MutationObserver(() => {
      // Only while the user has not moved focus on themselves.
      if (document.activeElement === main && focusHeading(main)) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const stop = setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(stop);
    };
  }, [pathname, navigationType]);
  return null;
}
