// Who may change what (docs/trust.md, "What each role may change"). One function judges one change: the
// version in force on this device (if any) becoming the incoming version, made by `author`. It answers null
// when the change is allowed, else the reason in words. Pure: the caller supplies every fact it needs.
import { RECORD_TYPES } from '../records/registry';
import type { ChangeAuthority } from '../records/recordType';
import { QA_ACTION_ANSWER_FIELDS } from '../records/qaAction';
import type { Author, PersonFacts, PortfolioParties } from './authority';

type Row = Record<string, unknown>;

export interface ChangeContext {
  author: Author;
  portfolio: PortfolioParties;
  /** Signatures by id, incoming or stored: a countersignature must exist and be the countersigner's. */
  signature(id: string): Row | undefined;
  /** What this device knows of a person (stored, else as the bundle states it). */
  person(id: string): PersonFacts | undefined;
}

export interface Change {
  table: string;
  before: Row | undefined;
  after: Row;
}

/** Fields that are bookkeeping, not content: who changed a record last, and when, is not itself a change. */
const META = new Set(['id', 'createdAt', 'updatedAt', 'rev', 'clock', 'deviceId', 'schemaVersion', 'sig']);

/** The content fields that differ between two versions (all fields when there is no earlier version). */
export function changedFields(before: Row | undefined, after: Row): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  return [...keys].filter((k) => !META.has(k) && JSON.stringify(before?.[k]) !== JSON.stringify(after[k])).sort();
}

const onlyChanged = (change: Change, allowed: readonly string[]) =>
  change.before !== undefined && changedFields(change.before, change.after).every((f) => allowed.includes(f));

type Judge = (change: Change, ctx: ChangeContext) => string | null;

const has = (ctx: ChangeContext, role: 'candidate' | 'assessor' | 'iqa' | 'ev') => ctx.author.roles.has(role);
const qualifiedAssessor = (ctx: ChangeContext) => ctx.author.roles.get('assessor') === 'qualified';
const qualifiedIqa = (ctx: ChangeContext) => ctx.author.roles.get('iqa') === 'qualified';
/** The author is the person `field` names, now and (for a change) before: nobody takes over another's record. */
const ownedBy = (change: Change, field: string, ctx: ChangeContext) =>
  change.after[field] === ctx.author.personId &&
  (change.before === undefined || change.before[field] === ctx.author.personId);

const judgeEnrolment: Judge = (change, ctx) => {
  if (has(ctx, 'assessor')) return null;
  if (has(ctx, 'candidate') && onlyChanged(change, ['route'])) return null;
  // A candidate may start their own portfolio on their own device; its assessor takes it on from there.
  if (has(ctx, 'candidate') && change.before === undefined && change.after.candidateId === ctx.author.personId)
    return null;
  return has(ctx, 'candidate')
    ? 'a candidate may change only their route'
    : 'only the portfolio’s assessor may start or change it';
};

const STAFF_ROLES = ['assessor', 'iqa', 'ev'];

/** What a person may not change on their own record: their roles and standing as staff. */
const STANDING_FIELDS = ['roles', 'assessorStatus', 'iqaStatus', 'staffSince', 'earlierDisagreements'];

const judgePerson: Judge = (change, ctx) => {
  const roles = (change.after.roles as string[] | undefined) ?? [];
  const isSelf = change.after.id === ctx.author.personId;
  if (isSelf && !changedFields(change.before, change.after).some((f) => STANDING_FIELDS.includes(f))) return null;
  if (isSelf && change.before === undefined) return null;
  const staff =
    roles.some((r) => STAFF_ROLES.includes(r)) ||
    STAFF_ROLES.some((r) => ((change.before?.roles as string[] | undefined) ?? []).includes(r));
  if (!staff && (has(ctx, 'assessor') || has(ctx, 'iqa'))) return null;
  if (staff && has(ctx, 'iqa') && !roles.some((r) => r === 'iqa' || r === 'ev')) return null;
  // A qualified IQA looks after the standing of the centre's other IQAs (a trainee's countersigning depends on it).
  if (staff && qualifiedIqa(ctx) && !isSelf && !roles.includes('ev')) return null;
  if (isSelf) return 'a person may not change their own roles or assessor status';
  return staff
    ? 'only an IQA may change an assessor’s details'
    : 'only the portfolio’s assessor or IQA may change a candidate’s or witness’s details';
};

const judgeEvidenceLike: Judge = (_change, ctx) =>
  has(ctx, 'candidate') || has(ctx, 'assessor')
    ? null
    : 'only the candidate or the assessor may add or change evidence and forms';

const judgeSignature: Judge = (change, ctx) => {
  const purpose = change.after.purpose;
  const signer = change.after.personId ?? null;
  if (purpose === 'countersign') {
    return (qualifiedAssessor(ctx) || qualifiedIqa(ctx)) && signer === ctx.author.personId
      ? null
      : 'a countersignature needs the key of the qualified assessor or IQA who countersigns';
  }
  if (purpose === 'unit-signoff') {
    return has(ctx, 'assessor') && signer === ctx.author.personId
      ? null
      : 'a unit sign-off signature needs the signing assessor’s key';
  }
  if (has(ctx, 'candidate') || has(ctx, 'assessor')) return null;
  if ((has(ctx, 'iqa') || has(ctx, 'ev')) && purpose === 'evidence' && signer === ctx.author.personId) return null;
  return 'this key may not sign on this portfolio';
};

/**
 * A countersignature names its countersigner, who signed it with purpose "countersign" on this decision; `qualified`
 * says whether the author holds the qualified role that countersigns (an assessor's or an IQA's), `who` names it.
 */
function countersignatureProblem(after: Row, ctx: ChangeContext, qualified: boolean, who: string): string | null {
  const by = after.countersignedBy;
  if (by === null || by === undefined) return null;
  if (!qualified || by !== ctx.author.personId)
    return `a countersignature needs the key of the qualified ${who} who countersigns`;
  const signature = typeof after.countersignatureId === 'string' ? ctx.signature(after.countersignatureId) : undefined;
  if (
    !signature ||
    signature.purpose !== 'countersign' ||
    signature.personId !== by ||
    signature.subjectId !== after.id
  ) {
    return 'a decision marked countersigned needs the countersigner’s signature record';
  }
  return null;
}

const judgeDecision: Judge = (change, ctx) => {
  const { after, before } = change;
  const countersigned =
    JSON.stringify(before?.countersignedBy ?? null) !== JSON.stringify(after.countersignedBy ?? null);
  if (countersigned || after.countersignatureId !== (before?.countersignatureId ?? null)) {
    const problem = countersignatureProblem(after, ctx, qualifiedAssessor(ctx), 'assessor');
    if (problem) return problem;
    // The countersigner vouches for the decision as countersigned (the trainee's own version may never arrive).
    return null;
  }
  if (has(ctx, 'candidate') && onlyChanged(change, ['candidateSignatureId'])) return null;
  const own =
    after.assessorId === ctx.author.personId && (before === undefined || before.assessorId === ctx.author.personId);
  if (after.kind === 'sample') {
    return (has(ctx, 'iqa') || has(ctx, 'ev')) && own
      ? null
      : 'a sampling decision needs the key of the IQA or verifier who made it';
  }
  return has(ctx, 'assessor') && own ? null : 'a judgement or unit sign-off needs the key of the assessor who made it';
};

const COUNTERSIGN_FIELDS = ['countersignedBy', 'countersignatureId'];

/**
 * An IQA decision: made and changed by the IQA who made it; countersigned (those two fields only, once the
 * decision is known here) by a qualified IQA other than its maker, with their countersignature record.
 */
const judgeIqaDecision: Judge = (change, ctx) => {
  const { after, before } = change;
  const countersigning = COUNTERSIGN_FIELDS.some((f) => (before?.[f] ?? null) !== (after[f] ?? null));
  if (countersigning) {
    if (after.countersignedBy === after.iqaId) return 'an IQA may not countersign their own decision';
    if (before !== undefined && !onlyChanged(change, COUNTERSIGN_FIELDS))
      return 'a countersigner may countersign an IQA decision but not change it';
    return countersignatureProblem(after, ctx, qualifiedIqa(ctx), 'IQA');
  }
  return has(ctx, 'iqa') && ownedBy(change, 'iqaId', ctx)
    ? null
    : 'an IQA decision needs the key of the IQA who made it';
};

/** An action: set, changed and closed by the IQA who raised it; answered (answer fields only) by its assessor. */
const judgeQaAction: Judge = (change, ctx) => {
  if (has(ctx, 'iqa') && ownedBy(change, 'raisedBy', ctx)) return null;
  const answering = onlyChanged(change, QA_ACTION_ANSWER_FIELDS) && change.after.state !== 'closed';
  if (has(ctx, 'assessor') && change.after.assessorId === ctx.author.personId && answering) return null;
  return 'an action is set and closed by the IQA who raised it; its assessor may only answer it';
};

const judgeSamplingPlan: Judge = (change, ctx) =>
  has(ctx, 'iqa') && (ownedBy(change, 'iqaId', ctx) || qualifiedIqa(ctx))
    ? null
    : 'a sampling plan is changed by its IQA or a qualified IQA';

const judgeStaffRecord: Judge = (_change, ctx) =>
  has(ctx, 'assessor') || has(ctx, 'iqa') ? null : 'only the centre’s assessors and IQAs may keep these records';

const judgeCpd: Judge = (change, ctx) =>
  ownedBy(change, 'personId', ctx) || has(ctx, 'iqa') ? null : 'a CPD record is kept by its person or an IQA';

/** One rule per kind of authority; each record type names its kind in the registry (`changedBy`). */
const JUDGES: Record<ChangeAuthority, Judge> = {
  portfolio: judgeEnrolment,
  person: judgePerson,
  content: judgeEvidenceLike,
  signature: judgeSignature,
  decision: judgeDecision,
  'iqa-decision': judgeIqaDecision,
  'qa-action': judgeQaAction,
  'sampling-plan': judgeSamplingPlan,
  staff: judgeStaffRecord,
  cpd: judgeCpd,
};

/** Null when `ctx.author` may make this change, else why not. A table the registry does not know is refused. */
export function judgeChange(change: Change, ctx: ChangeContext): string | null {
  const type = RECORD_TYPES.find((t) => t.table === change.table);
  return type ? JUDGES[type.changedBy](change, ctx) : `no one may change records of type “${change.table}” by bundle`;
}
