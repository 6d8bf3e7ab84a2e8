// The open quality-assurance work waiting for the acting person, above the caseload: the IQA's actions (issue 12,
// point 3) and the units verifiers referred back in the portfolios they assess (issue 13, point 5). The same
// actions also reach each candidate's card through storage's CASELOAD_ACTION_SOURCES.
// Its own chunk, shown once the caseload is (firstScreen.tsx): it brings the QA queries, the sampling proposer and
// the write path, none of which the caseload needs to show (docs/performance.md).
import { afterFirstScreenPart } from '../../firstScreen';

export const QaActionsSlot = afterFirstScreenPart<{ personId: string }>(() => import('./QaPanels'));
