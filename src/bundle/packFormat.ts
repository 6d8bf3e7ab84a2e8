// What an EQA visit pack's data/pack.json holds. Documented in docs/bundle-format.md ("EQA visit pack").
import { z } from '../domain';
import { recordList, senderFields } from './format';

export const PACK_FORMAT = 'fieldfolio-eqa-pack';
/** bag-info.txt's Fieldfolio-Scope of a pack: a portfolio bundle's importer refuses it by this, in words. */
export const PACK_SCOPE = 'eqa-pack';
/** bag-info.txt's Fieldfolio-Scope of an EQA's decisions on the portfolios of a pack (eqaDecisions.ts). */
export const EQA_DECISIONS_SCOPE = 'eqa-decisions';
/** A pack holds at most this many portfolios (a centre's sample, not its archive). */
export const PACK_PORTFOLIOS_MAX = 500;

const count = z.number().int().nonnegative();
const CoverageLine = z.object({ key: z.string().max(500), planned: count, done: count, overdue: count }).strict();

export const PackFile = z
  .object({
    format: z.literal(PACK_FORMAT),
    schemaVersion: z.number().int().positive(),
    recordSchemaVersion: z.number().int().positive(),
    packId: z.string().min(1).max(100),
    exportedAt: z.string().min(1),
    deviceId: z.string().min(1),
    /** The portfolios the pack holds: each one's files are under data/portfolios/<id>/, and no others are. */
    portfolios: z.array(z.string().min(1).max(100)).min(1).max(PACK_PORTFOLIOS_MAX),
    /** The centre's records; records of a portfolio (evidence, decisions, IQA decisions, actions …) are never here. */
    centre: z
      .object({
        samplingPlans: recordList,
        standardisations: recordList,
        cpdRecords: recordList,
        appeals: recordList,
        people: recordList,
      })
      .strict(),
    /** Each plan's coverage over all the centre's portfolios, as the exporting device computed it. */
    coverage: z
      .array(
        z
          .object({
            planId: z.string().min(1),
            byAssessor: z.array(CoverageLine),
            byUnit: z.array(CoverageLine),
            byMethod: z.array(CoverageLine),
            bySite: z.array(CoverageLine),
            planned: count,
            done: count,
            overdue: z.array(z.string()),
            gaps: z.array(z.string().max(2000)),
          })
          .strict(),
      )
      .max(10_000),
    caseload: z
      .array(
        z
          .object({ assessorId: z.string().min(1), specId: z.string().min(1), candidates: count, inPack: count })
          .strict(),
      )
      .max(100_000),
    ...senderFields,
  })
  .loose();
export type PackFile = z.infer<typeof PackFile>;

export const packFolder = (packId: string) => `fieldfolio-eqa-pack-${packId}`;
export const portfolioFolder = (portfolioId: string) => `data/portfolios/${portfolioId}`;
