// One way to show dates (domain/dates.ts), and the words around spec facts and counts that go with it.
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  countOf,
  criterionWithUnit,
  datePattern,
  formatDate,
  formatDateTime,
  parseDate,
  unitFacts,
} from '../../../src/domain';

describe('dates as people read them', () => {
  it('a calendar date in en-GB by default, day first, never shifted by a time zone', () => {
    expect(formatDate('2026-06-03')).toBe('03/06/2026');
    expect(formatDate('2026-12-31T23:30:00.000Z')).toBe('31/12/2026');
    expect(formatDate('2026-06-03', 'en-US')).toBe('06/03/2026');
  });

  it('writes en-GB calendar dates exactly as Intl does (its own quick path), month ends and leap days included', () => {
    const intl = new Intl.DateTimeFormat('en-GB', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'UTC',
    });
    fc.assert(
      fc.property(fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(formatDate(iso)).toBe(intl.format(new Date(`${iso}T00:00:00Z`)));
      }),
      { numRuns: 2000 },
    );
    // Out-of-range days roll over as Date.UTC rolls them, as before.
    expect(formatDate('2026-02-30')).toBe(intl.format(new Date(Date.UTC(2026, 1, 30))));
    expect(formatDate('2024-02-29')).toBe('29/02/2024');
  });

  it('a moment with its time, in the time zone asked for', () => {
    expect(formatDateTime('2026-06-03T15:10:42.000Z', 'en-GB', 'UTC')).toBe('03/06/2026, 15:10');
    expect(formatDateTime('2026-06-03T23:10:00.000Z', 'en-GB', 'Europe/London')).toBe('04/06/2026, 00:10');
    expect(formatDateTime('2026-06-03')).toBe('03/06/2026');
  });

  it('writes en-GB moments in the device’s time zone exactly as Intl does (its own quick path), in several zones', () => {
    const zoneBefore = process.env.TZ;
    const midnightUtcHere = new Set<string>();
    try {
      for (const zone of ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC']) {
        process.env.TZ = zone; // Node applies a changed TZ to Date and Intl at once
        const intl = new Intl.DateTimeFormat('en-GB', {
          day: '2-digit',
          month: '2-digit',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        });
        midnightUtcHere.add(formatDateTime('1970-01-01T00:00:00Z'));
        fc.assert(
          fc.property(
            fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
            (d) => {
              expect(formatDateTime(d.toISOString())).toBe(intl.format(d));
            },
          ),
          { numRuns: 500 },
        );
        // Clocks going back and forward in London: the hour that repeats, and the hour that is skipped.
        for (const iso of [
          '2026-10-25T00:30:00Z',
          '2026-10-25T01:30:00Z',
          '2026-03-29T00:59:00Z',
          '2026-03-29T01:00:00Z',
        ])
          expect(formatDateTime(iso)).toBe(intl.format(new Date(iso)));
      }
      // The zones really changed: the same moment reads differently in each.
      expect(midnightUtcHere.size).toBe(5);
    } finally {
      process.env.TZ = zoneBefore;
      if (zoneBefore === undefined) delete process.env.TZ;
    }
  });

  it('anything that is not a date is shown as it is, never "Invalid Date"', () => {
    expect([formatDate(''), formatDate(null), formatDate('soon'), formatDateTime('later')]).toEqual([
      '',
      '',
      'soon',
      'later',
    ]);
  });
});

describe('spec facts and counts in words', () => {
  it('says a credit value the spec does not set, instead of "— credits"', () => {
    expect(unitFacts({ level: 4, credits: null })).toBe('level 4, credit value not set');
    expect(unitFacts({ level: null, credits: 1, glh: 10 })).toBe('level not set, 1 credit, 10 GLH');
    expect(unitFacts({ level: 5, credits: 15, glh: null })).toBe('level 5, 15 credits');
  });

  it('names a criterion with its unit once: "F1.1", not "F1 F1.1"', () => {
    expect(criterionWithUnit('F1', 'F1.1')).toBe('F1.1');
    expect(criterionWithUnit('F1', 'F1.1 PC 3')).toBe('F1.1 PC 3');
    expect(criterionWithUnit('A10', 'PC 3')).toBe('A10 PC 3');
    expect(criterionWithUnit('F1', 'F12.1')).toBe('F1 F12.1');
  });

  it('pluralises counts', () => {
    expect(countOf(1, 'criterion', 'criteria')).toBe('1 criterion');
    expect(countOf(1200, 'record')).toBe('1,200 records');
  });

  it('writes counts exactly as en-GB toLocaleString does (its own quick path), negatives and fractions too', () => {
    const intl = (n: number) => `${n.toLocaleString('en-GB')} items`;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer(),
          fc.maxSafeInteger(),
          fc.maxSafeNat().map((n) => -n),
          fc.double({ noNaN: true }),
          fc.constant(-0),
        ),
        (n) => {
          expect(countOf(n, 'item', 'items')).toBe(n === 1 ? '1 item' : intl(n));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('dates as people type them', () => {
  it('reads day, month, year in en-GB, with any usual separator, or an ISO date', () => {
    expect(parseDate('03/06/2026')).toBe('2026-06-03');
    expect(parseDate(' 3/6/2026 ')).toBe('2026-06-03');
    expect(parseDate('03-06-2026')).toBe('2026-06-03');
    expect(parseDate('03.06.2026')).toBe('2026-06-03');
    expect(parseDate('2026-06-03')).toBe('2026-06-03');
    expect(parseDate('06/03/2026', 'en-US')).toBe('2026-06-03');
  });

  it('refuses what is not a real day, or a year not written in full', () => {
    expect(['31/02/2026', '3/6/26', '13/13/2026', 'soon', '', '03/06', '2026-02-30'].map((t) => parseDate(t))).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('says how to type a date in the locale, the way it is shown', () => {
    expect(datePattern()).toBe('dd/mm/yyyy');
    expect(datePattern('en-US')).toBe('mm/dd/yyyy');
    expect(parseDate(formatDate('2026-12-03'))).toBe('2026-12-03');
  });

  it('knows the en-GB pattern without Intl, and it is the one Intl gives', async () => {
    const parts = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(
      new Date(Date.UTC(2001, 10, 22)),
    );
    const fromIntl = parts.map((p) => ({ day: 'dd', month: 'mm', year: 'yyyy' })[p.type as string] ?? p.value).join('');
    expect(datePattern('en-GB')).toBe(fromIntl);
    // A fresh module: no formatter cached by the tests above.
    vi.resetModules();
    const fresh = await import('../../../src/domain/dates');
    const built = vi.spyOn(Intl, 'DateTimeFormat');
    expect(fresh.datePattern('en-GB')).toBe('dd/mm/yyyy');
    expect(fresh.parseDate('22/11/2001', 'en-GB')).toBe('2001-11-22');
    expect(built).not.toHaveBeenCalled();
    built.mockRestore();
  });
});
