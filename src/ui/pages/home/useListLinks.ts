// Long card lists, quick to show. Plain links: a caseload card holds a link per candidate and per action (60 candidates with a unit
// or ten ready each: hundreds), and react-router's <Link> costs a few hooks each — measured some 60 ms of the home
// screen's render. The list's anchors are plain <a href> (keyboard, "open in new tab" and screen readers work as
// for any link); one listener on the list sends a plain click through the router, as <Link> would. And the first
// screen's cards first (useFirstScreen).
import { startTransition, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { HOME_MARKS, markAfterPaint } from './marks';

/** A ref for the list's container: plain same-origin links inside it navigate within the app. */
export function useListLinks<T extends HTMLElement>() {
  const navigate = useNavigate();
  const ref = useRef<T>(null);
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const onClick = (e: MouseEvent) => {
      // Modified or other-button clicks keep the browser's meaning (new tab, new window, download).
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.altKey || e.ctrlKey || e.shiftKey) return;
      const anchor = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!anchor || !container.contains(anchor) || anchor.target || anchor.hasAttribute('download')) return;
      const url = new URL(anchor.href);
      if (url.origin !== window.location.origin) return;
      e.preventDefault();
      void navigate(url.pathname + url.search + url.hash);
    };
    container.addEventListener('click', onClick);
    return () => container.removeEventListener('click', onClick);
  }, [navigate]);
  return ref;
}

/** Cards that fill the first screen at any width (three columns of four at 1280 px; a phone shows two or three). */
export const FIRST_SCREEN_CARDS = 12;

/**
 * How many cards to render: the first screen's worth on the first render, every card from the frame after it is
 * painted (as a transition, which gives way to input). A full caseload's cards below the fold then cost nothing
 * before the screen is seen.
 */
export function useFirstScreen(): number {
  const painting = typeof requestAnimationFrame === 'function';
  const [limit, setLimit] = useState(painting ? FIRST_SCREEN_CARDS : Infinity);
  useEffect(() => {
    if (!painting) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setLimit(Infinity)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painting]);
  useEffect(() => {
    if (limit === Infinity) markAfterPaint(HOME_MARKS.allCards);
  }, [limit]);
  return limit;
}
