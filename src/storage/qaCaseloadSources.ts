// Centre quality assurance on the caseload (issue 12, point 1): an IQA's action waiting for the assessor it names,
// and the samples of an IQA's plans that are due (or overdue) and not yet decided. Read-only, inside the caseload's
// read transaction (loadCaseload), through indexes: an assessor's actions by assessorId, an IQA's plans and
// decisions by iqaId, so a full caseload reads a handful of rows, not every portfolio's records.
import { addDays, isItemDone, EVIDENCE_TYPE_LABELS, type CaseloadAction } from '../domain';
import type { CaseloadActionSource } from './caseloadSources';
import { db } from './db';
import { validRecords } from './read';

/** How far ahead a planned sample shows on the IQA's caseload (so it can be fitted into a visit). */
export const SAMPLE_DUE_AHEAD_DAYS = 14;

const shorten = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** Open actions an IQA set the assessor, on the candidates of their caseload. */
export const iqaActionSource: CaseloadActionSource = {
  name: 'IQA actions waiting for the assessor',
  tables: ['qaActions'],
  async load({ personId, role, portfolioIds }) {
    if (role !== 'assessor') return [];
    const shown = new Set(portfolioIds);
    const rows = await db().qaActions.where('assessorId').equals(personId).toArray();
    return validRecords('qaActions', rows, [])
      .filter((a) => a.state === 'open' && shown.has(a.portfolioId))
      .map((a): CaseloadAction => ({
        id: `${a.portfolioId}|iqa-action|${a.id}`,
        portfolioId: a.portfolioId,
        kind: 'iqa-action',
        label: `IQA action${a.unitCode ? ` on ${a.unitCode}` : ''}: ${shorten(a.text)}`,
        due: a.dueDate,
        ...(a.unitCode ? { unitCode: a.unitCode } : {}),
      }));
  },
};

/** Planned samples of the IQA's plans, due within SAMPLE_DUE_AHEAD_DAYS or overdue, with no decision yet. */
export const sampleDueSource: CaseloadActionSource = {
  name: 'samples due for the IQA',
  tables: ['samplingPlans', 'iqaDecisions'],
  async load({ personId, role, portfolioIds, today }) {
    if (role !== 'iqa') return [];
    const shown = new Set(portfolioIds);
    const horizon = addDays(today, SAMPLE_DUE_AHEAD_DAYS);
    const [plans, decisions] = await Promise.all([
      db().samplingPlans.where('iqaId').equals(personId).toArray(),
      db().iqaDecisions.where('iqaId').equals(personId).toArray(),
    ]);
    const made = validRecords('iqaDecisions', decisions, []);
    return validRecords('samplingPlans', plans, []).flatMap((plan) =>
      plan.items
        .filter((i) => !i.removed && shown.has(i.portfolioId) && i.plannedDate <= horizon && !isItemDone(i, made))
        .map((i): CaseloadAction => ({
          id: `${i.portfolioId}|sample-due|${plan.id}|${i.id}`,
          portfolioId: i.portfolioId,
          kind: 'sample-due',
          label: `Sample ${i.unitCode} (${i.stage}${i.method ? `, ${EVIDENCE_TYPE_LABELS[i.method].toLowerCase()}` : ''})`,
          due: i.plannedDate,
          unitCode: i.unitCode,
        })),
    );
  },
};

export const QA_CASELOAD_SOURCES: readonly CaseloadActionSource[] = [iqaActionSource, sampleDueSource];
