// Dates are shown one way, through domain/dates.ts: no screen or report formats a date by hand (slicing an ISO
// string, replacing its "T", or its own toLocaleString / Intl.DateTimeFormat), and no seed file name is shown.
// Counts are said through countOf, so one is never "1 criteria" or "1 units".
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

/** A count put straight before a plural noun ("{units.length} units"), unless the line says what one is (`=== 1`). */
const FIXED_PLURAL =
  /(\{|\$\{)[\w.!()]*(length|size|[Cc]ount|files|credits|written|conflicts|held|Units)\} (criteria|units|credits|files|records|items|conflicts|changes|portfolios|decisions)\b(?!=)/;

describe('counts in words', () => {
  it('no screen or report puts a count before a fixed plural ("1 criteria")', () => {
    const found = SHOWN.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          FIXED_PLURAL.test(line) && !line.includes('=== 1') ? [`${file}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(found).toEqual([]);
  });
});
