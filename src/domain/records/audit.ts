// The audit log: who did what, when. Append-only: an entry is never updated, never deleted, so it carries no
// merge metadata and is no record type of the registry (bundles carry it as a list of its own).
import { z } from '../zod';
import { IsoDateTime } from './meta';

export const AuditEntry = z.lazy(() =>
  z
    .object({
      id: z.string().min(1),
      portfolioId: z.string().min(1),
      at: IsoDateTime,
      actorId: z.string().nullable(),
      deviceId: z.string().min(1),
      action: z.string().min(1),
      recordType: z.string().min(1),
      recordId: z.string().min(1),
      summary: z.string().default(''),
    })
    .loose(),
);
export type AuditEntry = z.infer<typeof AuditEntry>;
