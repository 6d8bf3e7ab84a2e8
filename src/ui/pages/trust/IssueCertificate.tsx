import { useState, type FormEvent } from 'react';
import { GRANT_ROLES, ROLE_LABELS, type Enrolment, type Grant, type GrantRole, type Person } from '../../../domain';
import { issueCertificate, todayIso } from '../../../storage';
import { useEnrolments, usePeople } from '../../data/hooks';
import { applyHeldNowAllowed, downloadJson, useAction } from './common';
import { DateInput } from '../../components/DateInput';

interface CertificateDraft {
  deviceId: string;
  devicePublicKey: string;
  personId: string;
  role: GrantRole;
  /** All of the centre's portfolios, or the chosen ones. */
  portfolios: string[] | 'all';
  status: Grant['status'];
  validFrom: string;
  validUntil: string;
}

const inAYear = (day: string) => `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;

/** What a device's Trust screen gives to copy: its id and public key, as JSON. */
function parseDeviceBlock(text: string): { deviceId: string; devicePublicKey: string } | null {
  try {
    const value = JSON.parse(text) as { deviceId?: unknown; devicePublicKey?: unknown };
    return typeof value.deviceId === 'string' && typeof value.devicePublicKey === 'string'
      ? { deviceId: value.deviceId, devicePublicKey: value.devicePublicKey }
      : null;
  } catch {
    return null;
  }
}

/** Certifies a device key for a person in one role, and downloads the certificate to send to that device. */
export function IssueCertificate() {
  const people = usePeople() ?? [];
  const enrolments = useEnrolments() ?? [];
  const [draft, setDraft] = useState<CertificateDraft>(() => ({
    deviceId: '',
    devicePublicKey: '',
    personId: '',
    role: 'assessor',
    portfolios: 'all',
    status: 'qualified',
    validFrom: todayIso(),
    validUntil: inAYear(todayIso()),
  }));
  const set = (change: Partial<CertificateDraft>) => setDraft((d) => ({ ...d, ...change }));
  const { run, outcome, fail } = useAction();

  function submit(e: FormEvent) {
    e.preventDefault();
    const person = people.find((p) => p.id === draft.personId);
    if (!draft.deviceId.trim() || !draft.devicePublicKey.trim())
      return fail('Paste the device’s block, or enter its id and public key.');
    if (!person) return fail('Choose the person who holds the device.');
    if (draft.portfolios !== 'all' && draft.portfolios.length === 0) return fail('Choose at least one portfolio.');
    if (draft.validUntil < draft.validFrom) return fail('“Valid until” is before “valid from”.');
    void run(async () => {
      const certificate = await issueCertificate({
        deviceId: draft.deviceId.trim(),
        devicePublicKey: draft.devicePublicKey.trim(),
        personId: person.id,
        personName: person.name,
        grants: [{ role: draft.role, portfolios: draft.portfolios, status: draft.status }],
        validFrom: `${draft.validFrom}T00:00:00.000Z`,
        validUntil: `${draft.validUntil}T23:59:59.999Z`,
      });
      downloadJson(
        `certificate-${person.name.replace(/\W+/g, '-')}-${certificate.deviceKey.slice(0, 8)}.json`,
        certificate,
      );
      return `Certificate issued and downloaded: send it to ${person.name}’s device. ${await applyHeldNowAllowed()}`;
    });
  }

  return (
    <form className="panel" aria-label="Issue a certificate" onSubmit={submit}>
      <h3>Issue a certificate</h3>
      <DeviceFields draft={draft} set={set} />
      <label className="field">
        <span>Person</span>
        <select value={draft.personId} onChange={(e) => set({ personId: e.target.value })}>
          <option value="">Choose…</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <GrantFields draft={draft} set={set} people={people} enrolments={enrolments} />
      <ValidityFields draft={draft} set={set} />
      <button type="submit">Issue and download the certificate</button>
      {outcome}
    </form>
  );
}

interface GrantFieldsProps extends DraftFieldsProps {
  people: Person[];
  enrolments: Enrolment[];
}

/** The role granted: on which portfolios, qualified or trainee. */
function GrantFields({ draft, set, people, enrolments }: GrantFieldsProps) {
  const chosen = draft.portfolios === 'all' ? [] : draft.portfolios;
  const candidate = (e: Enrolment) => people.find((p) => p.id === e.candidateId)?.name ?? 'Candidate';
  return (
    <>
      <label className="field">
        <span>Role</span>
        <select value={draft.role} onChange={(e) => set({ role: e.target.value as GrantRole })}>
          {GRANT_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field">
        <legend>On which portfolios</legend>
        <label className="inline">
          <input
            type="radio"
            name="grant-portfolios"
            checked={draft.portfolios === 'all'}
            onChange={() => set({ portfolios: 'all' })}
          />
          All of the centre’s portfolios
        </label>
        <label className="inline">
          <input
            type="radio"
            name="grant-portfolios"
            checked={draft.portfolios !== 'all'}
            onChange={() => set({ portfolios: chosen })}
          />
          Only these:
        </label>
        {draft.portfolios !== 'all' &&
          enrolments.map((e) => (
            <label key={e.id} className="inline">
              <input
                type="checkbox"
                checked={chosen.includes(e.id)}
                onChange={(ev) =>
                  set({ portfolios: ev.target.checked ? [...chosen, e.id] : chosen.filter((id) => id !== e.id) })
                }
              />
              {candidate(e)} — {e.specId}
            </label>
          ))}
      </fieldset>
      <fieldset className="field">
        <legend>Status</legend>
        <label className="inline">
          <input
            type="radio"
            name="grant-status"
            checked={draft.status === 'qualified'}
            onChange={() => set({ status: 'qualified' })}
          />
          Qualified
        </label>
        <label className="inline">
          <input
            type="radio"
            name="grant-status"
            checked={draft.status === 'trainee'}
            onChange={() => set({ status: 'trainee' })}
          />
          Trainee (decisions need countersigning)
        </label>
      </fieldset>
    </>
  );
}

interface DraftFieldsProps {
  draft: CertificateDraft;
  set: (change: Partial<CertificateDraft>) => void;
}

/** The device to certify: pasted as the block its Trust screen shows, or typed in. */
function DeviceFields({ draft, set }: DraftFieldsProps) {
  return (
    <>
      <label className="field">
        <span>The device’s block (from its Trust screen)</span>
        <textarea
          rows={3}
          onChange={(e) => {
            const block = parseDeviceBlock(e.target.value);
            if (block) set(block);
          }}
        />
      </label>
      <div className="two-up">
        <label className="field">
          <span>Device id</span>
          <input value={draft.deviceId} onChange={(e) => set({ deviceId: e.target.value })} spellCheck={false} />
        </label>
        <label className="field">
          <span>Device public key</span>
          <input
            value={draft.devicePublicKey}
            onChange={(e) => set({ devicePublicKey: e.target.value })}
            spellCheck={false}
          />
        </label>
      </div>
    </>
  );
}

/** From when until when the certificate counts (checked against each receiving device's clock). */
function ValidityFields({ draft, set }: DraftFieldsProps) {
  return (
    <div className="two-up">
      <label className="field">
        <span>Valid from</span>
        <DateInput value={draft.validFrom} onChange={(e) => set({ validFrom: e.target.value })} required />
      </label>
      <label className="field">
        <span>Valid until</span>
        <DateInput value={draft.validUntil} onChange={(e) => set({ validUntil: e.target.value })} required />
      </label>
    </div>
  );
}
