// Dates are shown one way, through domain/dates.ts: no screen or report formats a date by hand (slicing an ISO
// string, replacing its "T", or its own toLocaleString / Intl.DateTimeFormat), and no seed file name is shown.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const SHOWN = ['src/ui', 'src/bundle/report.ts'].flatMap((p) => (p.endsWith('.ts') ? [p] : files(p)));

const HAND_MADE = [
  { what: 'an ISO string with its T replaced', pattern: /\.replace\('T', ' '\)/ },
  { what: 'a date formatted with toLocale…String', pattern: /toLocale(Date|Time)?String\((undefined|\{)/ },
  { what: 'a date format of its own', pattern: /new Intl\.DateTimeFormat/ },
  { what: 'a sliced ISO date shown as it is', pattern: /(At|Date|date|At\[[^\]]+\])\.slice\(0, (10|16|19)\)\}/ },
  { what: 'a seed file name shown', pattern: /source\.file/ },
];

describe('one date format, everywhere shown', () => {
  it('no screen or report formats dates by hand or shows seed file names', () => {
    const found = SHOWN.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return HAND_MADE.filter((h) => h.pattern.test(text)).map((h) => `${file}: ${h.what}`);
    });
    expect(found).toEqual([]);
  });
});
