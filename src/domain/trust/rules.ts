// Who may change what (docs/trust.md, "What each role may change"). One function judges one change: the
// version in force on this device (if any) becoming the incoming version, made by `author`. It answers null
// when the change is allowed, else the reason in words. Pure: the caller supplies every fact it needs.
import { RECORD_TYPES } from '../records/registry';
import type { ChangeAuthority } from '../records/recordType';
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

const judgePerson: Judge = (change, ctx) => {
  const roles = (change.after.roles as string[] | undefined) ?? [];
  const isSelf = change.after.id === ctx.author.personId;
  if (isSelf && !changedFields(change.before, change.after).some((f) => f === 'roles' || f === 'assessorStatus'))
    return null;
  if (isSelf && change.before === undefined) return null;
  const staff =
    roles.some((r) => STAFF_ROLES.includes(r)) ||
    STAFF_ROLES.some((r) => ((change.before?.roles as string[] | undefined) ?? []).includes(r));
  if (!staff && (has(ctx, 'assessor') || has(ctx, 'iqa'))) return null;
  if (staff && has(ctx, 'iqa') && !roles.some((r) => r === 'iqa' || r === 'ev')) return null;
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
    return qualifiedAssessor(ctx) && signer === ctx.author.personId
      ? null
      : 'a countersignature needs the key of the qualified assessor who countersigns';
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

/** A countersignature names its countersigner, who signed it with purpose "countersign" on this decision. */
function countersignatureProblem(after: Row, ctx: ChangeContext): string | null {
  const by = after.countersignedBy;
  if (by === null || by === undefined) return null;
  if (!qualifiedAssessor(ctx) || by !== ctx.author.personId)
    return 'a countersignature needs the key of the qualified assessor who countersigns';
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
    const problem = countersignatureProblem(after, ctx);
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

/** One rule per kind of authority; each record type names its kind in the registry (`changedBy`). */
const JUDGES: Record<ChangeAuthority, Judge> = {
  portfolio: judgeEnrolment,
  person: judgePerson,
  content: judgeEvidenceLike,
  signature: judgeSignature,
  decision: judgeDecision,
};

/** Null when `ctx.author` may make this change, else why not. A table the registry does not know is refused. */
export function judgeChange(change: Change, ctx: ChangeContext): string | null {
  const type = RECORD_TYPES.find((t) => t.table === change.table);
  return type ? JUDGES[type.changedBy](change, ctx) : `no one may change records of type “${change.table}” by bundle`;
}
