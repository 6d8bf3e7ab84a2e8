// BagIt 1.0 (RFC 8493) text files: written and parsed here, nowhere else.

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/** "<sha256>  <path>" lines, sorted by path, as `sha256sum -c` reads them. */
export function manifestText(entries: ReadonlyArray<{ path: string; sha256: string }>): string {
  return [...entries]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((e) => `${e.sha256}  ${e.path}\n`)
    .join('');
}

export function parseManifest(
  text: string,
  file: string,
  fail: (file: string, reason: string) => never,
): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    const m = /^([0-9a-f]{64}) [ *]?(.+)$/.exec(line);
    if (!m) fail(file, `line ${i + 1} is not "<sha256>  <path>"`);
    const path = m![2]!;
    if (out.has(path)) fail(file, `lists ${path} twice`);
    out.set(path, m![1]!);
  });
  return out;
}

/** Payload-Oxum: total octets and file count of the payload. */
export const payloadOxum = (bytes: number, files: number) => `${bytes}.${files}`;

export function bagInfoText(fields: ReadonlyArray<[string, string]>): string {
  return fields.map(([k, v]) => `${k}: ${v.replace(/\r?\n/g, '\n  ')}\n`).join('');
}

export function parseBagInfo(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let last: string | null = null;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (/^\s/.test(line) && last) {
      const values = out.get(last)!;
      values[values.length - 1] += `\n${line.trim()}`;
      continue;
    }
    const i = line.indexOf(':');
    if (i <= 0) continue;
    last = line.slice(0, i).trim();
    out.set(last, [...(out.get(last) ?? []), line.slice(i + 1).trim()]);
  }
  return out;
}
