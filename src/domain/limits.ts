// The limits on data that arrives from outside (a bundle, a spec file, sync): the same in every path, each refusal
// naming the limit and the value found. Pure: the callers say which file, and how they refuse.

const MiB = 1024 * 1024;

export const LIMITS = {
  /**
   * Records (of every type, audit entries included) in one bundle. The large legitimate case is a 2,000-item
   * portfolio (the benchmarks' size): some 10,000 rows with its media, signatures, decisions and audit log.
   * 50,000 leaves five times that; 100,000 froze the portfolio screen for minutes.
   */
  bundleRecords: 50_000,
  /**
   * Levels of `[` and `{` in a JSON text. Fieldfolio's deepest (a form's table inside a record inside
   * portfolio.json) is under 10; the check runs on the raw text, so deep JSON never reaches a recursive parser.
   */
  jsonDepth: 64,
  /** Characters in one JSON string: a signature drawn as a PNG data URL is the longest legitimate one (~200 KB). */
  jsonStringChars: 4 * MiB,
  /** A qualification spec file: the largest bundled one is under 200 KB. */
  specBytes: 16 * MiB,
  /** A bundle's data/portfolio.json: 50,000 records of a few KB each. */
  portfolioBytes: 512 * MiB,
} as const;

export type Limits = Record<keyof typeof LIMITS, number>;

/**
 * The most characters a text field of a record may hold: far above any real entry, low enough that one field
 * cannot freeze a screen or fill a bundle. The schemas refuse more; the inputs stop at the same figure.
 */
export const TEXT_LIMITS = {
  /** A person's name, a typed signature name, a centre, a job title, a registration number, a role. */
  name: 200,
  /** An email address (RFC 5321 allows 254). */
  email: 254,
  /** A title of evidence or a form, a location, a file name. */
  title: 300,
  /** A description, comments, a statement. */
  longText: 20_000,
} as const;

/** Why a text of `length` characters is refused where at most `max` fit, or null. */
export function textLengthProblem(length: number, max: number): string | null {
  return length > max ? `is ${count(length)} characters long; at most ${count(max)} fit here` : null;
}

const count = (n: number) => n.toLocaleString('en-GB');
const megabytes = (bytes: number) => `${(bytes / MiB).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const [OPEN_BRACKET, OPEN_BRACE, CLOSE_BRACKET, CLOSE_BRACE] = ['[', '{', ']', '}'].map((c) => c.charCodeAt(0));

/** Where a string that opens at `quote` closes: the next quote not escaped by an odd run of backslashes. */
function stringEnd(text: string, quote: number): number {
  let end = text.indexOf('"', quote + 1);
  while (end !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return text.length;
}

/**
 * Why a JSON text is refused before it is parsed (nested too deep, a string too long), or null. One linear scan
 * that counts `[` and `{` outside strings: no recursion, whatever the text holds.
 */
export function jsonTextProblem(text: string, limits: Pick<Limits, 'jsonDepth' | 'jsonStringChars'> = LIMITS) {
  let depth = 0;
  let deepest = 0;
  let longest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      longest = Math.max(longest, end - i - 1);
      i = end;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) deepest = Math.max(deepest, ++depth);
    else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) depth--;
  }
  if (deepest > limits.jsonDepth) {
    return `is nested ${count(deepest)} levels deep; JSON here may nest at most ${count(limits.jsonDepth)} levels`;
  }
  if (longest > limits.jsonStringChars) {
    return `holds a text of ${count(longest)} characters; a text here may hold at most ${count(limits.jsonStringChars)}`;
  }
  return null;
}

/** Why a spec file of `bytes` is refused, or null. */
export function specSizeProblem(bytes: number, limit: number = LIMITS.specBytes): string | null {
  return bytes > limit
    ? `is ${megabytes(bytes)} (${count(bytes)} bytes); a spec file may be at most ${megabytes(limit)}`
    : null;
}

/** Why a bundle holding `records` records is refused, or null. */
export function bundleRecordsProblem(records: number, limit: number = LIMITS.bundleRecords): string | null {
  return records > limit ? `holds ${count(records)} records; a bundle may hold at most ${count(limit)}` : null;
}
