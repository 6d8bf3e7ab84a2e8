// The open quality-assurance work waiting for the acting person, above the caseload: the IQA's actions (issue 12,
// point 3) and the units verifiers referred back in the portfolios they assess (issue 13, point 5). The same
// actions also reach each candidate's card through storage's CASELOAD_ACTION_SOURCES.
import { OpenQaActions } from '../../components/OpenQaActions';
import { AssessorReferrals } from '../../components/VerifierReferrals';

export function QaActionsSlot({ personId }: { personId: string }) {
  return (
    <>
      <AssessorReferrals assessorId={personId} />
      <OpenQaActions personId={personId} />
    </>
  );
}
