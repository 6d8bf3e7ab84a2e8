import { useEffect, useState } from 'react';

/**
 * False until the frame after `active` first became true has painted: what a phone shows first paints first, and
 * what lies below it a frame later. The portfolio: heading, actions and checks, then the rules, progress, editing,
 * export, evidence and audit log. A recording form: its first section, then the others and its print copy.
 */
export function useAfterFirstPaint(active: boolean): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!active || ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setReady(true))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [active, ready]);
  return ready;
}
