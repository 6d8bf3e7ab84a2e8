import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import { savePerson, storeSpecs } from '../../../src/storage';
import { exportVerifierDecisions } from '../../../src/bundle/verifierDecisions';
import { verifyBundle } from '../../../src/bundle/verify';
import { loadSpec } from '../domain/loadSpecs';
import { svq2Portfolio } from '../factories';
import { testClock } from '../clock';
import { setClock, systemClock } from '../../../src/storage/clock';

// A fresh test clock per test, as useTestClock() gives (called here directly: the React hooks lint rule takes any use* call for a hook).
beforeEach(() => setClock(testClock()));
afterEach(() => setClock(systemClock));

beforeEach(async () => {
  setDatabase(new FieldfolioDB(`verifier-decisions-${Math.random()}`));
  await storeSpecs([loadSpec('svq2-customer-service-scqf5')], 'bundled');
});

describe("a verifier's decisions bundle", () => {
  it('carries the enrolment, the verifier and one sample decision per sampled unit, as a partial bundle', async () => {
    const { enrolment } = await svq2Portfolio();
    const verifier = await savePerson({ name: 'Ida Quality', roles: ['iqa'] });
    const { blob } = await exportVerifierDecisions({
      enrolment,
      verifier,
      samples: [
        { unitCode: 'F1', outcome: 'met', comments: 'Sound' },
        { unitCode: 'B2', outcome: 'not-yet', comments: 'Witness missing' },
      ],
      now: '2026-10-02T10:30:00.000Z',
    });
    const bundle = await verifyBundle(blob);
    expect(bundle.scope).toBe('changes');
    expect(bundle.records.enrolments.map((e) => e.id)).toEqual([enrolment.id]);
    expect(bundle.records.people.map((p) => p.id)).toEqual([verifier.id]);
    expect(bundle.records.evidence).toEqual([]);
    const decisions = bundle.records.decisions.map(
      ({ kind, unitCode, outcome, comments, assessorId, date, createdAt }) => ({
        kind,
        unitCode,
        outcome,
        comments,
        assessorId,
        date,
        createdAt,
      }),
    );
    expect(decisions).toEqual([
      {
        kind: 'sample',
        unitCode: 'F1',
        outcome: 'met',
        comments: 'Sound',
        assessorId: verifier.id,
        date: '2026-10-02',
        createdAt: '2026-10-02T10:30:00.000Z',
      },
      {
        kind: 'sample',
        unitCode: 'B2',
        outcome: 'not-yet',
        comments: 'Witness missing',
        assessorId: verifier.id,
        date: '2026-10-02',
        createdAt: '2026-10-02T10:30:00.000Z',
      },
    ]);
  });
});
