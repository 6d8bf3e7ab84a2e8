// Just enough XML for S3's answers (ListObjectsV2, ListParts, InitiateMultipartUpload, Error), without DOMParser so
// the same code runs in Node tests and in a worker. S3 answers are flat, namespaced elements with text content; this
// reads the text of named elements (entities decoded) and the blocks of a repeated element. It does not handle
// CDATA (S3 never sends it), attributes or mixed content.

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references (S3 escapes control characters in keys). */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return NAMED_ENTITIES[name] ?? whole;
  });
}

/** The inner XML of every `<name>…</name>` (or `<ns:name>`) at any depth, in order; `<name/>` gives ''. */
export function xmlBlocks(xml: string, name: string): string[] {
  const pattern = new RegExp(`<(?:[\\w-]+:)?${name}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</(?:[\\w-]+:)?${name}>)`, 'g');
  return [...xml.matchAll(pattern)].map((match) => match[1] ?? '');
}

/** The decoded text of the first `<name>` element, or undefined when there is none. */
export function xmlText(xml: string, name: string): string | undefined {
  const block = xmlBlocks(xml, name)[0];
  return block === undefined ? undefined : decodeXmlText(block);
}

export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One page of ListObjectsV2. */
export interface ListPage {
  objects: Array<{ key: string; size: number }>;
  nextContinuationToken?: string;
}

export function parseListPage(xml: string): ListPage {
  const objects = xmlBlocks(xml, 'Contents').map((block) => ({
    key: xmlText(block, 'Key') ?? '',
    size: Number(xmlText(block, 'Size') ?? 0),
  }));
  const truncated = xmlText(xml, 'IsTruncated') === 'true';
  return { objects, nextContinuationToken: truncated ? xmlText(xml, 'NextContinuationToken') : undefined };
}

/** Parts an unfinished multipart upload holds (ListParts), and the marker of the next page when there is one. */
export function parsePartsPage(xml: string): {
  parts: Array<{ partNumber: number; etag: string; size: number }>;
  nextMarker?: number;
} {
  const parts = xmlBlocks(xml, 'Part').map((block) => ({
    partNumber: Number(xmlText(block, 'PartNumber')),
    etag: xmlText(block, 'ETag') ?? '',
    size: Number(xmlText(block, 'Size') ?? 0),
  }));
  const truncated = xmlText(xml, 'IsTruncated') === 'true';
  return { parts, nextMarker: truncated ? Number(xmlText(xml, 'NextPartNumberMarker')) : undefined };
}
