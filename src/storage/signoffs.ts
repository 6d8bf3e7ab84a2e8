// Assessment decisions: units signed off (and countersigned when the assessor is still working towards their
// award), sign-offs withdrawn, criteria judged met or not yet.
import type { Decision } from '../domain';
import { newId } from './clock';
import { signatureFields, type NewSignature } from './signatures';
import { write, type Input } from './write';

export interface SignOffInput {
  portfolioId: string;
  unitCode: string;
  assessorId: string;
  date: string;
  comments?: string;
  signature: NewSignature;
  candidateSignature?: NewSignature;
}

/** Unit sign-off with the assessor's (and optionally the candidate's) signature: one transaction. */
export async function signOffUnit(input: SignOffInput): Promise<Decision> {
  const { portfolioId, unitCode, assessorId, date } = input;
  return write('the unit sign-off', portfolioId, async (ctx) => {
    const id = newId();
    // The signature is the assessor's the decision names: the write path checks they are an assessor.
    const signature = { ...input.signature, personId: assessorId };
    const sig = await ctx.put('signatures', signatureFields(signature, portfolioId, 'unit-signoff', id));
    const cand = input.candidateSignature
      ? await ctx.put('signatures', signatureFields(input.candidateSignature, portfolioId, 'candidate-signoff', id))
      : null;
    const decision = {
      id,
      portfolioId,
      kind: 'unit-signoff',
      unitCode,
      outcome: 'met',
      assessorId,
      date,
      comments: input.comments ?? '',
      signatureId: sig.id,
      candidateSignatureId: cand?.id ?? null,
    };
    return ctx.put('decisions', decision, 'sign-off', `unit ${unitCode}`);
  });
}

export async function countersign(decision: Decision, personId: string, signature: NewSignature): Promise<Decision> {
  return write('the countersignature', decision.portfolioId, async (ctx) => {
    const sig = await ctx.put(
      'signatures',
      signatureFields({ ...signature, personId }, decision.portfolioId, 'countersign', decision.id),
    );
    const countersigned = { ...decision, countersignedBy: personId, countersignatureId: sig.id };
    return ctx.put('decisions', countersigned, 'countersign', `unit ${decision.unitCode}`);
  });
}

export async function withdrawDecision(decision: Decision): Promise<void> {
  return write('the withdrawal', decision.portfolioId, (ctx) =>
    ctx.remove('decisions', decision.id, `unit ${decision.unitCode}`),
  );
}

export async function recordCriterionDecision(input: Omit<Input<'decisions'>, 'kind'>): Promise<Decision> {
  return write('the decision', input.portfolioId, (ctx) =>
    ctx.put('decisions', { ...input, kind: 'criterion' }, 'decide', `${input.criterionKey} ${input.outcome}`),
  );
}
