// Criteria as an assessor writes them on a form: "F2.1.1", "F2.1 (all)", "f2a", "Unit 1 AC 1.1".
import { unitCriteria, type CriterionRef } from '../spec/criteria';
import type { QualificationSpec } from '../spec/schema';

/** A unit code as a prefix: "F2", "BUS59", and "Unit 1" for a bare number. */
const unitPrefix = (code: string) => (/^\d/.test(code) ? `Unit ${code}` : code);
/** Whether an id already carries its unit code ("F2.1.1", "f2a"); never for numeric codes ("1" vs "1.1"). */
const carriesUnit = (id: string, code: string) =>
  /[a-z]/i.test(code) && id.toLowerCase().startsWith(code.toLowerCase());

/** The short reference an assessor writes: "F2.1.1", "F2.2", "f2a"; unit-prefixed where the id alone is ambiguous ("Unit 1 AC 1.1"). */
export function shortRef(c: CriterionRef): string {
  return carriesUnit(c.id, c.unitCode) ? c.id : `${unitPrefix(c.unitCode)} ${c.label}`;
}

/**
 * The units/elements a set of criterion keys links to, as the seed writes them: "F2.1.1, F2.1.2", an element
 * fully covered as "F2.1 (all)", knowledge as "f2a"; keys the spec no longer has are shown as stored.
 */
export function coverageText(spec: QualificationSpec, keys: Iterable<string>): string {
  const wanted = new Set(keys);
  const parts: string[] = [];
  const known = new Set<string>();
  for (const u of spec.units) {
    const refs = unitCriteria(u);
    for (const r of refs) if (wanted.has(r.key)) known.add(r.key);
    const outcomeIds = [...new Set(refs.filter((r) => r.kind === 'criterion').map((r) => r.outcomeId))];
    for (const o of outcomeIds) {
      const inOutcome = refs.filter((r) => r.kind === 'criterion' && r.outcomeId === o);
      const hit = inOutcome.filter((r) => wanted.has(r.key));
      if (hit.length === 0) continue;
      if (hit.length === inOutcome.length && inOutcome.length > 1) {
        const outcomeRef =
          o && carriesUnit(o, u.code)
            ? o
            : `${unitPrefix(u.code)} ${u.outcomes.find((x) => x.id === o)?.kind === 'learning-outcome' ? 'LO' : ''}${o ?? ''}`;
        parts.push(`${outcomeRef} (all)`);
      } else parts.push(...hit.map(shortRef));
    }
    parts.push(...refs.filter((r) => r.kind === 'knowledge' && wanted.has(r.key)).map(shortRef));
  }
  for (const k of wanted) if (!known.has(k)) parts.push(k.split('|').pop() ?? k);
  return parts.join(', ');
}
