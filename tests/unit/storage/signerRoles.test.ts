// Who may sign as what (issue 13, point 12): a signature's role must be one its signer holds. A candidate acting on
// the device cannot sign an observation or a unit sign-off as assessor, whatever screen (or caller) tries; a
// qualified assessor can; a witness not on this device signs with their typed name alone.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldfolioDB, setDatabase, db } from '../../../src/storage/db';
import { saveEvidence, savePerson, setActingPerson, signOffUnit } from '../../../src/storage';
import { claimedRole, signingRefusal } from '../../../src/domain';
import { evidenceFields, personFields, svq2Portfolio } from '../factories';

beforeEach(() => setDatabase(new FieldfolioDB(`signers-${Math.random()}`)));

const observation = (portfolioId: string, signature: { role: string; personId: string | null }) => ({
  evidence: evidenceFields(portfolioId, { type: 'O' as const, title: 'At the gate' }),
  signature: { typedName: 'Someone', image: '', ...signature },
});

describe('the role a signature claims', () => {
  it('is read from its label, tolerantly', () => {
    expect(claimedRole('Assessor')).toBe('assessor');
    expect(claimedRole('Qualified assessor')).toBe('assessor');
    expect(claimedRole('Internal quality assurer')).toBe('iqa');
    expect(claimedRole('Expert witness')).toBe('expert-witness');
    expect(claimedRole('Witness')).toBe('witness');
    expect(claimedRole('Candidate')).toBe('candidate');
    expect(claimedRole('Line manager')).toBeNull();
  });

  it('is refused, in words, to someone who does not hold it', () => {
    expect(signingRefusal('Assessor', { name: 'Annie', roles: ['candidate'] })).toBe(
      'Annie cannot sign as assessor: they are recorded as candidate.',
    );
    expect(signingRefusal('Assessor', { name: 'Jo', roles: ['assessor'] })).toBeNull();
    expect(signingRefusal('Witness', undefined)).toBeNull();
  });
});

describe('the write path', () => {
  it('refuses a candidate’s signature as assessor on an observation, and stores nothing of it', async () => {
    const { enrolment, candidate } = await svq2Portfolio({ candidate: 'Annie Clews' });
    await setActingPerson(candidate.id);
    await expect(saveEvidence(observation(enrolment.id, { role: 'Assessor', personId: candidate.id }))).rejects.toThrow(
      'Annie Clews cannot sign as assessor',
    );
    // Not naming anyone does not get round it: the acting candidate is the signer.
    await expect(saveEvidence(observation(enrolment.id, { role: 'Assessor', personId: null }))).rejects.toThrow(
      'cannot sign as assessor',
    );
    expect(await db().evidence.count()).toBe(0);
    expect(await db().signatures.count()).toBe(0);
  });

  it('accepts the acting assessor’s signature, and a witness’s typed name', async () => {
    const { enrolment, assessor } = await svq2Portfolio();
    await setActingPerson(assessor.id);
    await saveEvidence(observation(enrolment.id, { role: 'Assessor', personId: assessor.id }));
    await saveEvidence(observation(enrolment.id, { role: 'Witness', personId: null }));
    expect(await db().signatures.count()).toBe(2);
  });

  it('refuses a unit sign-off whose assessor is a candidate, even with the signature naming no one', async () => {
    const { enrolment, candidate } = await svq2Portfolio({ candidate: 'Annie Clews' });
    await expect(
      signOffUnit({
        portfolioId: enrolment.id,
        unitCode: 'F1',
        assessorId: candidate.id,
        date: '2026-10-05',
        signature: { typedName: 'Annie Clews', role: 'Assessor', personId: null, image: '' },
      }),
    ).rejects.toThrow('Annie Clews cannot sign as assessor');
    expect(await db().decisions.count()).toBe(0);
  });

  it('refuses a candidate’s signature under the name of someone who is not the candidate', async () => {
    const { enrolment } = await svq2Portfolio();
    const witness = await savePerson(personFields({ name: 'Morag', roles: ['witness'] }));
    await expect(saveEvidence(observation(enrolment.id, { role: 'Candidate', personId: witness.id }))).rejects.toThrow(
      'Morag cannot sign as candidate',
    );
  });
});
