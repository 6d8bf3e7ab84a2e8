import type { QualificationSpec } from '../domain';

export const frameworkText = (spec: QualificationSpec) =>
  spec.framework
    ? `${spec.framework}${spec.level !== null ? ` level ${spec.level}` : ''}`
    : spec.level !== null
      ? `Level ${spec.level}`
      : 'Level not stated';

export const qualificationNumbersText = (spec: QualificationSpec) =>
  spec.qualificationNumbers.map((n) => `${n.scheme} ${n.value}`).join(' · ');

/** A figure the seed does not state shows as "—" (never as 0). */
export const orDash = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : String(value);
