// The table a typed form prints from the portfolio (form 7: dates per performance criterion; form 8: evidence per
// knowledge item), for the unit and element chosen on the form.
import type { ReactNode } from 'react';
import {
  buildElementAchievement,
  buildKnowledgeEvidence,
  type FormData,
  type FormDefinition,
  type FormsInput,
  type QualificationSpec,
} from '../../../domain';
import { KnowledgeGrid } from '../generated/KnowledgeEvidenceView';
import { PcDatesGrid } from '../generated/ElementAchievementView';

export function computedGrid(
  def: FormDefinition,
  data: FormData,
  portfolio: FormsInput & { spec: QualificationSpec | null },
): ReactNode {
  const { spec } = portfolio;
  if (!spec || !def.grid) return null;
  const unitCode = typeof data.unit === 'string' ? data.unit : '';
  if (!unitCode) {
    const what =
      def.grid === 'pc-dates' ? 'performance criteria and their dates' : 'knowledge items and their evidence';
    return <p className="meta">Choose the unit to see the {what} from your records.</p>;
  }
  if (def.grid === 'knowledge-evidence') {
    return <KnowledgeGrid record={buildKnowledgeEvidence(portfolio, spec, unitCode)} />;
  }
  const element = typeof data.element === 'string' ? data.element : '';
  if (!element)
    return <p className="meta">Choose the element to see its performance criteria and the dates from your records.</p>;
  const record = buildElementAchievement(portfolio, spec, { unitCode, outcomeId: element });
  return record.elements.map((e) => <PcDatesGrid key={e.outcomeId} element={e} />);
}
