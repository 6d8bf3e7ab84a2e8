// Ordering of machine strings (ISO dates and times, ids, codes of one shape) by their UTF-16 code units: what sort()
// does by default, as a comparator. Not localeCompare: its first call builds an ICU collator, ~50 ms of a slow
// phone's screen start, for strings that need no language's rules.

/** -1, 0 or 1 by code units: "2026-05-30" before "2026-06-01", as dates and ISO times of one form sort. */
export const compareCodePoints = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
