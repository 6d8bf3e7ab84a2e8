// Performance marks for the caseload benchmark (tests/bench/caseload.bench.ts), each set once per page load: the
// home screen shown (its caseload or its empty state), and every card's summary worked out.
export const HOME_MARKS = { shown: 'fieldfolio:home-shown', complete: 'fieldfolio:caseload-complete' } as const;

const marked = new Set<string>();

export function markOnce(name: string): void {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark?.(name);
}
