// A verified bundle read as a portfolio, in the shape the screens read one from this device (storage's
// loadPortfolio): so a verifier sees the bundle through the very pages an assessor uses, without storing it.
import { compareCodePoints, mappingsOf, type QualificationSpec } from '../domain';
import type { PortfolioData } from '../storage';
import type { VerifiedBundle } from './verify';

/** A bundle's portfolio with its spec, or why there is none (as the screens' usePortfolio gives it). */
export type BundlePortfolio = PortfolioData & { spec: QualificationSpec | null; specError: string | null };

const live = <T extends { deleted: boolean }>(xs: readonly T[]) => xs.filter((x) => !x.deleted);

/** The bundle's first (only) portfolio: live records, evidence newest first, deleted evidence kept for numbering. */
export function portfolioOfBundle(bundle: VerifiedBundle, spec: QualificationSpec | null): BundlePortfolio | null {
  const { records } = bundle;
  const enrolment = records.enrolments.find((e) => e.id === bundle.portfolioId && !e.deleted);
  if (!enrolment) return null;
  const evidence = live(records.evidence).sort(
    (a, b) => compareCodePoints(b.date, a.date) || compareCodePoints(b.createdAt, a.createdAt),
  );
  return {
    enrolment,
    people: live(records.people),
    evidence,
    media: live(records.media),
    mappings: mappingsOf(evidence),
    decisions: live(records.decisions),
    signatures: live(records.signatures),
    forms: live(records.forms),
    iqaDecisions: live(records.iqaDecisions),
    evidenceTombstones: records.evidence.filter((e) => e.deleted).map(({ id, createdAt }) => ({ id, createdAt })),
    problems: [],
    spec,
    specError: spec
      ? null
      : `This bundle does not carry the qualification spec ${enrolment.specId} version ${enrolment.specVersion}, and this device does not have it.`,
  };
}
