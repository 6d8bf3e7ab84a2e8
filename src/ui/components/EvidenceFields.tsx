import { useState } from 'react';
import {
  EVIDENCE_TYPES,
  EVIDENCE_TYPE_LABELS,
  simulationAllowed,
  type EvidenceTypeCode,
  type QualificationSpec,
} from '../../domain';
import type { EvidenceDetails } from '../../storage';
import { DateInput } from './DateInput';

/** An evidence item's own details, as the forms that add and edit evidence hold them. */
export type EvidenceFieldValues = Required<EvidenceDetails>;

/**
 * The detail fields of an evidence item (type, title, description, date, location, simulation), shared by the
 * page that adds evidence and the editor that changes it; warns when the qualification bars simulated evidence.
 */
export function EvidenceFields({
  value,
  onChange,
  spec,
}: {
  value: EvidenceFieldValues;
  // Method syntax: a form whose draft holds more than these fields can pass its own setter.
  onChange<K extends keyof EvidenceFieldValues>(key: K, value: EvidenceFieldValues[K]): void;
  spec: QualificationSpec | null;
}) {
  // Open from the start when it holds something (an edit, a restored draft); then the person decides.
  const [optionalOpen] = useState(() => !!value.location || value.simulation);
  const barred = value.simulation && spec && !simulationAllowed(spec, undefined);
  return (
    <>
      <label className="field">
        <span>Type of evidence</span>
        <select value={value.type} onChange={(e) => onChange('type', e.target.value as EvidenceTypeCode)}>
          {EVIDENCE_TYPES.map((t) => (
            <option key={t} value={t}>
              {t} — {EVIDENCE_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Title</span>
        <input value={value.title} onChange={(e) => onChange('title', e.target.value)} required />
      </label>
      <label className="field">
        <span>{value.type === 'O' ? 'What the assessor observed' : 'Description'}</span>
        <textarea rows={4} value={value.description} onChange={(e) => onChange('description', e.target.value)} />
      </label>
      <label className="field">
        <span>Date</span>
        <DateInput value={value.date} onChange={(e) => onChange('date', e.target.value)} required />
      </label>
      {/* Rarely needed in the field: folded away (open once either holds something) to keep Save within reach. */}
      <details className="optional-fields" open={optionalOpen || undefined}>
        <summary>More details (optional): location, simulation</summary>
        <label className="field">
          <span>Location</span>
          <input value={value.location} onChange={(e) => onChange('location', e.target.value)} />
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={value.simulation}
            onChange={(e) => onChange('simulation', e.target.checked)}
          />{' '}
          This evidence comes from a simulation
        </label>
      </details>
      {barred && (
        <p className="alert" role="status">
          The qualification's assessment strategy does not allow simulated evidence: it will be flagged.
        </p>
      )}
    </>
  );
}
