// Enrolments: a portfolio is created by enrolling a candidate, and its route and people change later.
import type { Enrolment } from '../domain';
import { newId } from './clock';
import { db } from './db';
import { validRecords } from './read';
import { write, type Input } from './write';

export async function createEnrolment(input: Input<'enrolments'>): Promise<Enrolment> {
  // The enrolment's id is the portfolio's: known before the write, so its audit entry is filed under it.
  const id = input.id ?? newId();
  const summary = `enrolled on ${input.specId} ${input.specVersion}`;
  return write('the enrolment', id, (ctx) => ctx.put('enrolments', { ...input, id }, 'create', summary));
}

export async function updateEnrolment(
  enrolment: Enrolment,
  changes: Partial<Input<'enrolments'>>,
  summary = '',
): Promise<Enrolment> {
  return write('the enrolment', enrolment.id, (ctx) =>
    ctx.put('enrolments', { ...enrolment, ...changes }, 'update', summary),
  );
}

export async function listEnrolments(): Promise<Enrolment[]> {
  return validRecords('enrolments', await db().enrolments.toArray(), []);
}

/** One portfolio's enrolment, validated; undefined when the portfolio is not on this device. */
export async function enrolmentById(portfolioId: string): Promise<Enrolment | undefined> {
  const row = await db().enrolments.get(portfolioId);
  return row ? validRecords('enrolments', [row], [])[0] : undefined;
}
