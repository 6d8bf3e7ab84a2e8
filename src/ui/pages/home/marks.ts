// Performance marks for the caseload benchmark (tests/bench/caseload.bench.ts), each set once per page load: the
// home screen first rendering (the app's code is loaded and running), its caseload read, the screen shown (its
// caseload or its empty state committed), painted (the frame after that commit is on screen), every card's summary
// worked out, and every card painted.
export const HOME_MARKS = {
  started: 'fieldfolio:home-started',
  read: 'fieldfolio:caseload-read',
  shown: 'fieldfolio:home-shown',
  painted: 'fieldfolio:home-painted',
  complete: 'fieldfolio:caseload-complete',
  /** Every card of the list painted (the first render draws the first screen's cards only). */
  allCards: 'fieldfolio:caseload-all-cards-painted',
} as const;

const marked = new Set<string>();

export function markOnce(name: string): void {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark?.(name);
}

/**
 * Marks `name` once the next frame is painted, then runs `then`: a requestAnimationFrame callback runs just before
 * the frame's style, layout and paint, and a message posted from it is handled after them. Without frames (jsdom),
 * `then` runs at once.
 */
export function markAfterPaint(name: string, then?: () => void): void {
  if (typeof requestAnimationFrame !== 'function') return then?.();
  if (marked.has(name)) return;
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      markOnce(name);
      channel.port1.close();
      then?.();
    };
    channel.port2.postMessage(null);
  });
}
