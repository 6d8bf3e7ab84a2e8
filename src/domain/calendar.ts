// Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so a date never shifts with the device's time zone.

const DAY_MS = 86_400_000;

/** The ISO date `days` after (or before, when negative) `date`. */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export const clampDate = (date: string, min: string, max: string): string =>
  date < min ? min : date > max ? max : date;
