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
  if (Number.isNaN(t)) return iso;
  const moment = new Date(t);
  if (locale === 'en-GB' && timeZone === undefined) return enGbDateTime(moment);
  return dateTimeFormat(locale, timeZone).format(moment);
}

/**
 * What Intl.DateTimeFormat('en-GB') writes for a moment in the device's time zone (tests/unit/domain/dates.test.ts
 * checks), without building one: a signature's date cost a slow phone ~100 ms of the form's first render.
 */
function enGbDateTime(d: Date): string {
  const date = `${twoDigits(d.getDate())}/${twoDigits(d.getMonth() + 1)}/${d.getFullYear()}`;
  return `${date}, ${twoDigits(d.getHours())}:${twoDigits(d.getMinutes())}`;
}

const EN_GB_SHAPE = { order: 'dmy', separator: '/' };

/** The order of day, month and year in `locale`'s dates, and the character between them ("dmy" and "/" in en-GB). */
function dateShape(locale: string): { order: string; separator: string } {
  // What Intl says for en-GB (tests/unit/domain/dates.test.ts checks): building the formatter costs a slow phone
  // ~50 ms of a date field's first render.
  if (locale === 'en-GB') return EN_GB_SHAPE;
  const parts = dateFormat(locale).formatToParts(new Date(Date.UTC(2001, 10, 22)));
  const order = parts
    .filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
    .map((p) => p.type[0])
    .join('');
  return { order, separator: parts.find((p) => p.type === 'literal')?.value ?? '/' };
}

/** How a date is typed in `locale`, for a field's hint: "dd/mm/yyyy" in en-GB. */
export function datePattern(locale = DEFAULT_LOCALE): string {
  const { order, separator } = dateShape(locale);
  const word: Record<string, string> = { d: 'dd', m: 'mm', y: 'yyyy' };
  return [...order].map((c) => word[c]).join(separator);
}

/**
 * A date typed as the user writes it ("3/6/2026", "03-06-2026" or "03.06.2026" in en-GB; an ISO date too) as an
 * ISO calendar date ("2026-06-03"), or null when it is not a real day. The year is written in full: "3/6/26" is
 * not taken (which century is a guess).
 */
export function parseDate(text: string, locale = DEFAULT_LOCALE): string | null {
  const typed = text.trim();
  let y: number, m: number, d: number;
  const iso = CALENDAR_DATE.exec(typed);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    const parts = typed.split(/\s*[/.\-\s]\s*/);
    if (parts.length !== 3 || !parts.every((p) => /^\d{1,4}$/.test(p))) return null;
    const { order } = dateShape(locale);
    const at = (c: string) => parts[order.indexOf(c)]!;
    if (at('y').length !== 4 || at('d').length > 2 || at('m').length > 2) return null;
    [y, m, d] = [Number(at('y')), Number(at('m')), Number(at('d'))];
  }
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return null;
  return day.toISOString().slice(0, 10);
}
