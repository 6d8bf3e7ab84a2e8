// The caseload's stored summaries: worked out once, kept with a stamp, stale as soon as the portfolio changes.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldfolioDB, db, setDatabase } from '../../../src/storage/db';
import {
  confirmCaseloadFresh,
  loadCaseload,
  refreshCaseloadSummaries,
  saveEvidence,
  savePerson,
  setActingPerson,
  signOffUnit,
  storeSpecs,
  updateEnrolment,
  type CaseloadActionSource,
} from '../../../src/storage';
import { installTestClock } from '../clock';
import { personFields, svq2Portfolio } from '../factories';
import { loadSpec } from '../domain/loadSpecs';

installTestClock();
beforeEach(async () => {
  setDatabase(new FieldfolioDB(`caseload-${Math.random()}`));
  await storeSpecs([loadSpec('svq2-customer-service-scqf5')], 'bundled');
});

const TODAY = '2026-06-10';
const F1 = ['F1|pc|F1.1|F1.1', 'F1|pc|F1.2|F1.2'].map((criterionKey) => ({ unitCode: 'F1', criterionKey }));
const evidence = (portfolioId: string, date = '2026-06-01') => ({
  evidence: { portfolioId, type: 'O' as const, title: 'At the gate', date },
  criteria: F1,
});
const sig = (typedName: string) => ({ typedName, role: 'Assessor', personId: null, image: '' });

describe('caseload summaries', () => {
  it('an assessor’s candidates: worked out once, then read back until the portfolio changes', async () => {
    const { assessor, enrolment } = await svq2Portfolio();
    await setActingPerson(assessor.id);
    const first = await loadCaseload(TODAY);
    expect(first.person?.id).toBe(assessor.id);
    expect(first.sections.map((s) => s.role)).toEqual(['assessor']);
    expect(first.sections[0]!.entries[0]).toMatchObject({ candidateName: 'Annie Candidate', summary: null });
    expect(first.stale).toEqual([enrolment.id]);

    await refreshCaseloadSummaries(first.stale);
    const second = await loadCaseload(TODAY);
    expect(second.stale).toEqual([]);
    expect(second.sections[0]!.entries[0]!.summary).toMatchObject({ evidenceCount: 0, readyForSignOff: [] });
    // Checked one by one and all good: confirmed at the device stamp, the next read checks none of them.
    expect(second.confirm?.fresh).toEqual([enrolment.id]);
    await confirmCaseloadFresh(second.confirm!);
    const confirmed = await loadCaseload(TODAY);
    expect(confirmed).toMatchObject({ stale: [], confirm: null });

    await saveEvidence(evidence(enrolment.id));
    const afterSave = await loadCaseload(TODAY);
    expect(afterSave.stale).toEqual([enrolment.id]);
    // The old summary is still shown meanwhile.
    expect(afterSave.sections[0]!.entries[0]!.summary?.evidenceCount).toBe(0);
    await refreshCaseloadSummaries(afterSave.stale);
    const third = await loadCaseload(TODAY);
    expect(third.stale).toEqual([]);
    expect(third.sections[0]!.entries[0]!.summary).toMatchObject({ evidenceCount: 1, readyForSignOff: ['F1'] });

    // A change to the enrolment (its route) moves the stamp too.
    await updateEnrolment(enrolment, { route: ['F1'] });
    expect((await loadCaseload(TODAY)).stale).toEqual([enrolment.id]);
  });

  it('a summary that read an assessor’s status is stale once that status changes', async () => {
    const { enrolment } = await svq2Portfolio();
    const trainee = await savePerson(
      personFields({ name: 'Tia', roles: ['assessor'], assessorStatus: 'working-towards' }),
    );
    await saveEvidence(evidence(enrolment.id));
    await signOffUnit({
      portfolioId: enrolment.id,
      unitCode: 'F1',
      assessorId: trainee.id,
      date: TODAY,
      signature: sig('Tia'),
    });
    await refreshCaseloadSummaries((await loadCaseload(TODAY, null)).stale);
    await confirmCaseloadFresh((await loadCaseload(TODAY, null)).confirm!);
    const before = await loadCaseload(TODAY, null);
    expect(before).toMatchObject({ stale: [], confirm: null });
    expect(before.sections[0]!.entries[0]!.summary?.countersignDue).toEqual(['F1']);

    await savePerson({ ...trainee, assessorStatus: 'qualified' });
    const after = await loadCaseload(TODAY, null);
    expect(after.stale).toEqual([enrolment.id]);
    await refreshCaseloadSummaries(after.stale);
    expect((await loadCaseload(TODAY, null)).sections[0]!.entries[0]!.summary?.countersignDue).toEqual([]);
  });

  it('sections follow the person: as IQA, as candidate; the device’s other portfolios stay listed', async () => {
    const a = await svq2Portfolio({ candidate: 'Annie', assessor: 'Jo' });
    const b = await svq2Portfolio({ candidate: 'Ben', assessor: 'Sam' });
    const iqa = await savePerson(personFields({ name: 'Kenneth', roles: ['iqa'] }));
    await updateEnrolment(a.enrolment, { iqaId: iqa.id });

    const asIqa = await loadCaseload(TODAY, iqa.id);
    expect(asIqa.sections.map((s) => [s.role, s.entries.map((e) => e.candidateName)])).toEqual([['iqa', ['Annie']]]);
    expect(asIqa.others.map((o) => o.candidateName)).toEqual(['Ben']);
    expect(asIqa.stale).toEqual([a.enrolment.id]);

    const asCandidate = await loadCaseload(TODAY, b.candidate.id);
    expect(asCandidate.sections.map((s) => [s.role, s.entries.map((e) => e.candidateName)])).toEqual([
      ['candidate', ['Ben']],
    ]);

    // Nobody acting, or someone with no portfolio in any role (a witness): every portfolio.
    const witness = await savePerson(personFields({ name: 'Morag', roles: ['witness'] }));
    for (const who of [null, witness.id]) {
      const all = await loadCaseload(TODAY, who);
      expect(all.sections.map((s) => s.role)).toEqual(['everyone']);
      expect(all.sections[0]!.entries).toHaveLength(2);
      expect(all.others).toEqual([]);
    }
    // An assessor with no candidate yet sees their (empty) section and every other portfolio.
    const newAssessor = await savePerson(personFields({ name: 'New', roles: ['assessor'] }));
    const empty = await loadCaseload(TODAY, newAssessor.id);
    expect(empty.sections.map((s) => [s.role, s.entries.length])).toEqual([['everyone', 2]]);
  });

  it('an action source’s actions reach the section for its role, read inside the caseload’s transaction', async () => {
    const { assessor, enrolment } = await svq2Portfolio();
    await db().settings.put({ key: 'test-qa-action', value: { due: '2026-06-01' } });
    const source: CaseloadActionSource = {
      name: 'Test QA actions',
      tables: ['settings'],
      async load({ role, portfolioIds, personId }) {
        if (role !== 'assessor') return [];
        const row = await db().settings.get('test-qa-action');
        const due = (row?.value as { due: string }).due;
        return portfolioIds.map((p) => ({ id: `${p}-qa`, portfolioId: p, kind: 'iqa-action', label: personId, due }));
      },
    };
    const caseload = await loadCaseload(TODAY, assessor.id, [source]);
    expect(caseload.sections[0]!.actions).toEqual([
      {
        id: `${enrolment.id}-qa`,
        portfolioId: enrolment.id,
        kind: 'iqa-action',
        label: assessor.id,
        due: '2026-06-01',
      },
    ]);
  });
});
