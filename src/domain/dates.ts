// The one way dates are shown: in the user's locale (en-GB unless told otherwise, as the seeds write them: day,
// month, year), the same on every screen, form, signature and report. Pure: the locale and, for moments, the
// time zone are parameters (a moment defaults to the device's zone; a calendar date has none).

export const DEFAULT_LOCALE = 'en-GB';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string): Intl.DateTimeFormat {
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, f);
  }
  return f;
}

function dateTimeFormat(locale: string, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(timeZone ? { timeZone } : {}),
    });
    dateTimeFormats.set(key, f);
  }
  return f;
}

/**
 * A calendar date ("2026-06-03", or the date part of an ISO date-time) as the user reads it: "03/06/2026" in
 * en-GB. Never shifted by a time zone. Anything that is not a date is returned as it is (never "Invalid Date").
 */
export function formatDate(iso: string | null | undefined, locale = DEFAULT_LOCALE): string {
  if (!iso) return '';
  const m = CALENDAR_DATE.exec(iso.slice(0, 10));
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return locale === DEFAULT_LOCALE ? enGbDate(date) : dateFormat(locale).format(date);
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * What Intl.DateTimeFormat('en-GB') writes for a UTC calendar date (tests/unit/domain/dates.test.ts checks the two
 * agree), without building one: the first one built costs a slow phone ~50 ms of the home screen's start.
 */
function enGbDate(date: Date): string {
  return `${twoDigits(date.getUTCDate())}/${twoDigits(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

/** A moment (an ISO date-time) as the user reads it: "03/06/2026, 15:10" in en-GB, in `timeZone` (default: the device's). */
export function formatDateTime(iso: string | null | undefined, locale = DEFAULT_LOCALE, timeZone?: string): string {
  if (!iso) return '';
  if (CALENDAR_DATE.test(iso)) return formatDate(iso, locale);
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateTimeFormat(locale, timeZone).format(new Date(t));
}
