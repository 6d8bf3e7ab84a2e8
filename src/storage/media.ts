// Media files attached to evidence: hashed before a write, stored as rows with their Blob beside the record.
import { db } from './db';
import { sha256Blob } from './hashing';
import type { WriteContext } from './write';

export interface FileInput {
  name: string;
  type: string;
  blob: Blob;
}

export type HashedFile = FileInput & { sha256: string };

/** Hashes files for media rows; call it before the transaction: IndexedDB transactions cannot wait on other async work. */
export function hashFiles(files: FileInput[]): Promise<HashedFile[]> {
  return Promise.all(files.map(async (f) => ({ ...f, sha256: await sha256Blob(f.blob) })));
}

/** Inside a write: puts one media row per hashed file, attached to the evidence item, in order; returns their ids. */
export async function putMedia(
  ctx: WriteContext,
  portfolioId: string,
  evidenceId: string,
  hashed: HashedFile[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const f of hashed) {
    const media = await ctx.put('media', {
      portfolioId,
      evidenceId,
      name: f.name,
      mimeType: f.type || 'application/octet-stream',
      size: f.blob.size,
      sha256: f.sha256,
      blob: f.blob,
    });
    ids.push(media.id);
  }
  return ids;
}

export async function mediaBlob(mediaId: string): Promise<Blob | undefined> {
  return (await db().media.get(mediaId))?.blob;
}
