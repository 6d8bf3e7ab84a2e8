import { useEffect, useState } from 'react';

/**
 * False until the frame after `active` first became true has painted: the checks, rules and progress matrix
 * paint first, and the long sections below them (editing, export, evidence, audit log) a frame later.
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
