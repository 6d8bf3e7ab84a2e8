// Centre quality assurance through the one write path (docs/centre-qa.md): IQA decisions with the action they
// raise, countersigning a trainee IQA's decision, answering and closing actions, and the centre records (plans,
// standardisation, CPD, appeals). Portfolio records are audited under their portfolio; centre records under
// CENTRE_AUDIT, as people are under "people".
import type { Appeal, CpdRecord, IqaDecision, QaAction, SamplingPlan, Standardisation } from '../domain';
import { newId, nowIso } from './clock';
import { signatureFields, type NewSignature } from './signatures';
import { write, type Input } from './write';

/** The audit file of records that belong to the centre rather than to one portfolio. */
export const CENTRE_AUDIT = 'centre';

export interface IqaDecisionInput {
  decision: Input<'iqaDecisions'>;
  /** The action for the assessor this decision raises (usually on a disagreement). */
  action?: { text: string; dueDate: string };
}

/** An IQA decision, and the action it raises for the assessor, in one transaction. */
export async function recordIqaDecision({
  decision,
  action,
}: IqaDecisionInput): Promise<{ decision: IqaDecision; action: QaAction | null }> {
  return write('the IQA decision', decision.portfolioId, async (ctx) => {
    const id = decision.id ?? newId();
    const saved = await ctx.put(
      'iqaDecisions',
      { ...decision, id },
      undefined,
      `${decision.stage} sample of ${decision.unitCode}: ${decision.outcome}`,
    );
    const raised = action
      ? await ctx.put(
          'qaActions',
          {
            portfolioId: decision.portfolioId,
            decisionId: id,
            raisedBy: decision.iqaId,
            assessorId: decision.assessorId,
            unitCode: decision.unitCode,
            text: action.text,
            dueDate: action.dueDate,
          },
          'raise',
          `action for the assessor, due ${action.dueDate}`,
        )
      : null;
    return { decision: saved, action: raised };
  });
}

/** A qualified IQA countersigns a trainee IQA's decision: their signature and the decision, one transaction. */
export async function countersignIqaDecision(
  decision: IqaDecision,
  personId: string,
  signature: NewSignature,
): Promise<IqaDecision> {
  if (personId === decision.iqaId) throw new Error('An IQA cannot countersign their own decision.');
  return write('the countersignature', decision.portfolioId, async (ctx) => {
    const sig = await ctx.put(
      'signatures',
      signatureFields(signature, decision.portfolioId, 'countersign', decision.id),
    );
    const countersigned = { ...decision, countersignedBy: personId, countersignatureId: sig.id };
    return ctx.put('iqaDecisions', countersigned, 'countersign', `IQA decision on ${decision.unitCode}`);
  });
}

/** An action the IQA raises on its own (not from a decision). */
export async function saveQaAction(input: Input<'qaActions'>): Promise<QaAction> {
  return write('the action', input.portfolioId, (ctx) =>
    ctx.put('qaActions', input, undefined, input.text.slice(0, 80)),
  );
}

/** The assessor answers an action: it moves to "answered" for the IQA to close. */
export async function answerQaAction(action: QaAction, answer: string): Promise<QaAction> {
  if (!answer.trim()) throw new Error('Write your answer to the action before sending it.');
  return write('the answer', action.portfolioId, (ctx) =>
    ctx.put('qaActions', { ...action, answer, answeredAt: nowIso(), state: 'answered' }, 'answer', 'action answered'),
  );
}

/** The IQA closes an action (answered, or no longer needed), with a note. */
export async function closeQaAction(action: QaAction, note = ''): Promise<QaAction> {
  return write('the action', action.portfolioId, (ctx) =>
    ctx.put(
      'qaActions',
      { ...action, state: 'closed', closedAt: nowIso(), closingNote: note },
      'close',
      'action closed',
    ),
  );
}

const centreSave =
  <T extends 'samplingPlans' | 'standardisations' | 'cpdRecords' | 'appeals'>(table: T, what: string) =>
  (input: Input<T>, summary = ''): Promise<import('../domain').RecordOf<T>> =>
    write(what, CENTRE_AUDIT, (ctx) => ctx.put(table, input, undefined, summary));

/** Creates or (with an id) updates a sampling plan: the proposal (domain proposeSample) and the IQA's changes. */
export const saveSamplingPlan: (input: Input<'samplingPlans'>, summary?: string) => Promise<SamplingPlan> = centreSave(
  'samplingPlans',
  'the sampling plan',
);
export const saveStandardisation: (input: Input<'standardisations'>, summary?: string) => Promise<Standardisation> =
  centreSave('standardisations', 'the standardisation record');
export const saveCpdRecord: (input: Input<'cpdRecords'>, summary?: string) => Promise<CpdRecord> = centreSave(
  'cpdRecords',
  'the CPD record',
);
export const saveAppeal: (input: Input<'appeals'>, summary?: string) => Promise<Appeal> = centreSave(
  'appeals',
  'the appeal',
);
