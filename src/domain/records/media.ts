// Media metadata: a photo, recording or document attached to an evidence item. The Blob itself is stored
// beside the record by storage (never indexed, never validated) and travels as a file of the bundle.
import { z } from '../zod';
import { addClock, metaFields, recordFactory, unchangedIn, type Migration } from './meta';
import { defineRecordType } from './recordType';

export const MediaMeta = z.lazy(() =>
  z
    .object({
      ...metaFields(),
      portfolioId: z.string().min(1),
      evidenceId: z.string().min(1),
      name: z.string().default(''),
      mimeType: z.string().min(1),
      size: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .loose(),
);
export type MediaMeta = z.infer<typeof MediaMeta>;

export const MEDIA_MIGRATIONS: readonly Migration[] = [unchangedIn(2), addClock];

export const newMedia = recordFactory(MediaMeta);

export const mediaRecordType = defineRecordType({
  table: 'media',
  schema: MediaMeta,
  introducedIn: 1,
  migrations: MEDIA_MIGRATIONS,
  indexes: 'id, portfolioId, evidenceId',
  travels: true,
  portfolioScoped: true,
  changedBy: 'content',
});
