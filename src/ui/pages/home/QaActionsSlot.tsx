// The open quality-assurance work waiting for the acting person, above the caseload: the IQA's actions (issue 12,
// point 3) and the units verifiers referred back in the portfolios they assess (issue 13, point 5). The same
// actions also reach each candidate's card through storage's CASELOAD_ACTION_SOURCES.
// Its own chunk, loaded once the home screen is up: it brings the QA queries, the sampling proposer and the write
// path, none of which the caseload needs to show (docs/performance.md). Precached like every chunk.
import { lazy, Suspense } from 'react';
import { useFirstScreenShown } from '../../firstScreen';

const QaPanels = lazy(() => import('./QaPanels'));

export function QaActionsSlot({ personId }: { personId: string }) {
  if (!useFirstScreenShown()) return null;
  return (
    <Suspense fallback={null}>
      <QaPanels personId={personId} />
    </Suspense>
  );
}
