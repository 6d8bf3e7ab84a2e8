// The demo centre loads in one click: the cast and caseload the issue asks for, every record valid, signatures
// and audit credited to the right people, dates consistent with today; loading it twice adds nothing.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldfolioDB, db, setDatabase } from '../../../src/storage/db';
import {
  decisionsAwaitingCountersignature,
  listAppeals,
  listCpdRecords,
  listStandardisations,
  loadDemoCentre,
  loadPortfolio,
  openActionsFor,
  planCoverageFor,
  samplingPlansFor,
  storeSpecs,
} from '../../../src/storage';
import { buildIndexOfEvidence, computeProgress, readRecord, RECORD_TABLES } from '../../../src/domain';
import { installTestClock } from '../clock';
import { loadSpec } from '../domain/loadSpecs';

installTestClock('2026-11-20T09:00:00.000Z');
const SPECS = ['svq2-customer-service-scqf5', 'svq3-customer-service-scqf6', 'vtct-l3-dip-customer-service'];

beforeEach(async () => {
  setDatabase(new FieldfolioDB(`demo-centre-${Math.random()}`));
  await storeSpecs(SPECS.map(loadSpec), 'bundled');
});

async function counts() {
  return Object.fromEntries(await Promise.all(RECORD_TABLES.map(async (t) => [t, await db().table(t).count()])));
}

describe('the demo centre', () => {
  it('has three assessors (one a trainee), a qualified and a trainee IQA, and 12+ candidates on three qualifications at different stages', async () => {
    const centre = await loadDemoCentre();
    expect(centre.created).toBe(true);
    const { staff } = centre;
    expect([staff.jo, staff.priya, staff.tia].map((p) => p.assessorStatus)).toEqual([
      'qualified',
      'qualified',
      'working-towards',
    ]);
    expect([staff.kenneth.iqaStatus, staff.aileen.iqaStatus]).toEqual(['qualified', 'working-towards']);
    expect(centre.portfolioIds.length).toBeGreaterThanOrEqual(12);
    const portfolios = await Promise.all(centre.portfolioIds.map((id) => loadPortfolio(id)));
    expect(new Set(portfolios.map((p) => p!.enrolment.specId))).toEqual(new Set(SPECS));
    const signed = portfolios.map((p) => p!.decisions.filter((d) => d.kind === 'unit-signoff').length);
    expect(signed).toContain(0);
    // One complete: every unit of its route signed off, the award's rules met.
    const complete = portfolios.find((p) => signed[portfolios.indexOf(p)] === p!.enrolment.route.length)!;
    const progress = computeProgress(loadSpec(complete.enrolment.specId), complete, '2026-11-20');
    expect(progress.award.achieved).toBe(true);
    for (const p of portfolios) {
      expect(p!.problems).toEqual([]);
      for (const e of p!.evidence) expect(e.date <= '2026-11-20' && e.date >= p!.enrolment.startDate).toBe(true);
    }
  });

  it('every stored record validates, and each is credited in the audit log to the person who made it', async () => {
    await loadDemoCentre();
    for (const table of RECORD_TABLES)
      for (const row of await db().table(table).toArray()) {
        const { blob: _blob, ...rest } = row as Record<string, unknown>;
        expect(() => readRecord(table, rest)).not.toThrow();
      }
    const evidence = await db().evidence.toArray();
    const audit = await db().audit.toArray();
    for (const e of evidence) {
      const entry = audit.find((a) => a.recordId === e.id)!;
      expect(entry.portfolioId).toBe(e.portfolioId);
      const enrolment = (await db().enrolments.get(e.portfolioId))!;
      // Candidates record their own products and accounts; the assessor the rest.
      expect(entry.actorId).toBe(e.type === 'P' || e.type === 'RA' ? enrolment.candidateId : enrolment.assessorId);
    }
    const signOffSignatures = (await db().signatures.toArray()).filter((s) => s.purpose === 'unit-signoff');
    for (const s of signOffSignatures) {
      const decision = (await db().decisions.get(s.subjectId))!;
      expect(s.personId).toBe(decision.assessorId);
    }
  });

  it('has plans with interim and summative items, decisions including a disagreement with an open action, a countersignature waiting, standardisation, CPD and an appeal', async () => {
    const { staff } = await loadDemoCentre();
    const plans = await samplingPlansFor(staff.kenneth.id, 'svq2-customer-service-scqf5');
    expect(plans).toHaveLength(1);
    const stages = new Set(plans[0]!.items.map((i) => i.stage));
    expect(stages).toEqual(new Set(['interim', 'summative']));
    expect(plans[0]!.items.some((i) => i.origin === 'changed-by-iqa' && i.iqaReason)).toBe(true);
    const decisions = await db().iqaDecisions.toArray();
    expect(decisions.some((d) => d.outcome === 'disagree')).toBe(true);
    const open = [
      ...(await openActionsFor(staff.jo.id)),
      ...(await openActionsFor(staff.priya.id)),
      ...(await openActionsFor(staff.tia.id)),
    ];
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(decisions.find((d) => d.id === open[0]!.decisionId)!.outcome).toBe('disagree');
    const waiting = await decisionsAwaitingCountersignature(staff.kenneth.id);
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    expect(new Set(waiting.map((d) => d.iqaId))).toEqual(new Set([staff.aileen.id]));
    expect(decisions.some((d) => d.iqaId === staff.aileen.id && d.countersignedBy === staff.kenneth.id)).toBe(true);
    expect(await decisionsAwaitingCountersignature(staff.aileen.id)).toEqual([]);
    expect(await listStandardisations()).toHaveLength(1);
    expect((await listCpdRecords()).length).toBeGreaterThanOrEqual(5);
    expect(await listAppeals()).toHaveLength(1);
    const coverage = await planCoverageFor(plans[0]!);
    expect(coverage.done).toBeGreaterThanOrEqual(2);
    expect(coverage.planned).toBe(plans[0]!.items.filter((i) => !i.removed).length);
  });

  it('fills the index of evidence’s internal-verifier column from the IQA’s decision on an evidence item', async () => {
    const { staff } = await loadDemoCentre();
    const decision = (await db().iqaDecisions.toArray()).find((d) => d.evidenceId && d.iqaId === staff.kenneth.id)!;
    const portfolio = (await loadPortfolio(decision.portfolioId))!;
    const index = buildIndexOfEvidence(portfolio, loadSpec(portfolio.enrolment.specId));
    const row = index.rows.find((r) => r.evidenceId === decision.evidenceId)!;
    const [y, m, d] = decision.date.split('-');
    expect(row.ivSampling).toBe(`Kenneth Hay ${d}/${m}/${y}`);
  });

  it('loads twice without adding anything', async () => {
    const first = await loadDemoCentre();
    const before = await counts();
    const second = await loadDemoCentre();
    expect(second.created).toBe(false);
    expect(second.portfolioIds.sort()).toEqual(first.portfolioIds.sort());
    expect(second.staff.kenneth.id).toBe(first.staff.kenneth.id);
    expect(await counts()).toEqual(before);
  });
});
