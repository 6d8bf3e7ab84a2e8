// Deleting a person or a whole portfolio, and undoing it. Nothing is removed: each record becomes a tombstone
// (`deleted: true`) through the one write path, so the deletion travels in bundles and merges like any other
// change (reconcile: a deletion made after an edit supersedes it; one concurrent with an edit is a conflict).
// Each deletion, and each undo, is one transaction.
import { recordTypeOf, RECORD_TABLES, type RecordTable } from '../domain';
import { db } from './db';
import { StorageError } from './errors';
import { write } from './write';

/** The tables whose records belong to one portfolio (they carry its id as `portfolioId`). */
const PORTFOLIO_TABLES = RECORD_TABLES.filter((t) => recordTypeOf(t).portfolioScoped);

/** What one deletion tombstoned: exactly the records an undo brings back (none deleted earlier). */
export interface Deletion {
  kind: 'person' | 'portfolio';
  /** The person's or the portfolio's id. */
  id: string;
  /** How the screen names what was deleted ("Annie Macleod", "Annie Macleod's portfolio"). */
  label: string;
  /** The audit log the deletion is filed under: the portfolio's, or "people". */
  auditUnder: string;
  records: Array<{ table: RecordTable; id: string }>;
}

const nameOf = async (personId: string) => {
  const person = await db().people.get(personId);
  return person && !person.deleted ? String(person.name) : 'the candidate';
};

const mentions = (row: Record<string, unknown>, id: string) => {
  const { blob: _blob, ...rest } = row;
  return JSON.stringify(rest).includes(JSON.stringify(id));
};

/**
 * The live portfolios on this device that name the person anywhere: as candidate, assessor or IQA, or on one of
 * their live records (a witness who recorded evidence, a signer, an assessor's decision).
 */
async function portfoliosNaming(personId: string) {
  const enrolments = (await db().enrolments.toArray()).filter((e) => !e.deleted);
  const naming = [];
  for (const e of enrolments) {
    if (mentions(e, personId)) {
      naming.push(e);
      continue;
    }
    for (const table of PORTFOLIO_TABLES) {
      const rows = (await db().table(table).where('portfolioId').equals(e.id).toArray()) as Record<string, unknown>[];
      if (rows.some((r) => !r.deleted && mentions(r, personId))) {
        naming.push(e);
        break;
      }
    }
  }
  return naming;
}

/**
 * Deletes a person whom no portfolio on this device names. A person named on one (its candidate, assessor or IQA,
 * or a witness or signer on its records) is refused with the reason: the records would lose whose they are.
 */
export async function deletePerson(personId: string): Promise<Deletion> {
  return write('the deletion', 'people', async (ctx) => {
    const person = await db().people.get(personId);
    if (!person || person.deleted) throw new StorageError('conflict', 'This person is no longer on this device.');
    const portfolios = await portfoliosNaming(personId);
    if (portfolios.length > 0) {
      const candidates = await Promise.all(portfolios.map((e) => nameOf(e.candidateId)));
      const which = candidates.map((n) => (n === person.name ? 'their own portfolio' : `${n}’s portfolio`));
      const those = portfolios.length === 1 ? 'that portfolio' : 'those portfolios';
      throw new StorageError(
        'conflict',
        `${person.name} cannot be deleted: they are named on ${which.join(' and ')}. Delete ${those} first.`,
      );
    }
    await ctx.remove('people', personId, String(person.name));
    return {
      kind: 'person',
      id: personId,
      label: String(person.name),
      auditUnder: 'people',
      records: [{ table: 'people', id: personId }],
    };
  });
}

/** Deletes a portfolio with every record of it (evidence, media, forms, decisions, signatures), in one transaction. */
export async function deletePortfolio(portfolioId: string): Promise<Deletion> {
  return write('the deletion', portfolioId, async (ctx) => {
    const enrolment = await db().enrolments.get(portfolioId);
    if (!enrolment || enrolment.deleted) {
      throw new StorageError('conflict', 'This portfolio is no longer on this device.');
    }
    const records: Deletion['records'] = [];
    for (const table of PORTFOLIO_TABLES) {
      const rows = await db().table(table).where('portfolioId').equals(portfolioId).toArray();
      for (const row of rows as Array<{ id: string; deleted?: boolean }>) {
        if (row.deleted) continue;
        await ctx.remove(table, row.id, 'with its portfolio');
        records.push({ table, id: row.id });
      }
    }
    const label = `${await nameOf(String(enrolment.candidateId))}’s portfolio`;
    await ctx.remove('enrolments', portfolioId, `portfolio deleted (${records.length} records with it)`);
    records.push({ table: 'enrolments', id: portfolioId });
    return { kind: 'portfolio', id: portfolioId, label, auditUnder: portfolioId, records };
  });
}

/**
 * Undoes a deletion: each record it tombstoned comes back as it was (a new version, so the undo travels too),
 * in one transaction. A record changed elsewhere since (no longer a tombstone) is left as it is.
 */
export async function undoDeletion(deletion: Deletion): Promise<void> {
  return write('the undo', deletion.auditUnder, async (ctx) => {
    for (const { table, id } of deletion.records) {
      const row = (await db().table(table).get(id)) as Record<string, unknown> | undefined;
      if (!row?.deleted) continue;
      await ctx.put(table, { ...row, deleted: false }, 'restore', `deletion undone: ${deletion.label}`);
    }
  });
}
