// How old evidence may be and still count as current.
export const CURRENCY_YEARS = 2;

/** Evidence older than this date is no longer current. */
export function currencyCutoff(today: string, years = CURRENCY_YEARS): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return `${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
