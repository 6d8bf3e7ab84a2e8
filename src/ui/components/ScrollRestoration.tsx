// Where the page scrolls to on moving between pages, as react-router's data-router <ScrollRestoration> did: a new
// page opens at its top (or at its #place), Back and Forward return to where the user was, and a replace (Save
// giving a form its address) stays put. Its own component because the app uses react-router's declarative
// <BrowserRouter>: the data router is ~17 KB gzipped more on the first visit (docs/performance.md).
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';

/** How long Back waits for a page still loading (a lazy screen, data from IndexedDB) to grow tall enough. */
const RESTORE_WAIT_MS = 3000;

/** Scrolls to `y` now, or as soon as the page is tall enough; stops early if the user scrolls themselves. */
function restoreTo(y: number): () => void {
  window.scrollTo(0, y);
  if (window.scrollY === y) return () => undefined;
  const observer = new MutationObserver(() => {
    window.scrollTo(0, y);
    if (window.scrollY === y) stop();
  });
  const onUserScroll = () => stop();
  const timer = setTimeout(() => stop(), RESTORE_WAIT_MS);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
    window.removeEventListener('wheel', onUserScroll);
    window.removeEventListener('touchmove', onUserScroll);
    window.removeEventListener('keydown', onUserScroll);
  }
  observer.observe(document.body, { childList: true, subtree: true });
  window.addEventListener('wheel', onUserScroll, { passive: true });
  window.addEventListener('touchmove', onUserScroll, { passive: true });
  window.addEventListener('keydown', onUserScroll);
  return stop;
}

export function ScrollRestoration() {
  const location = useLocation();
  const navigationType = useNavigationType();
  /** Scroll position per history entry (location.key), kept while the app is open. */
  const positions = useRef(new Map<string, number>());
  const currentKey = useRef(location.key);

  useEffect(() => {
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
    const remember = () => positions.current.set(currentKey.current, window.scrollY);
    window.addEventListener('scroll', remember, { passive: true });
    return () => window.removeEventListener('scroll', remember);
  }, []);

  useLayoutEffect(() => {
    if (currentKey.current === location.key) return;
    currentKey.current = location.key;
    if (navigationType === 'REPLACE') return;
    const saved = navigationType === 'POP' ? positions.current.get(location.key) : undefined;
    if (saved !== undefined) return restoreTo(saved);
    if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
    else window.scrollTo(0, 0);
  }, [location.key, location.hash, navigationType]);
  return null;
}
