// Slot for the open quality-assurance actions waiting for the acting person (issue 13, point 5), above the caseload:
// the units verifiers referred back in the portfolios they assess; another piece of work adds the IQA's actions
// (OpenQaActions) beside them. The same actions also reach each candidate's card through storage's
// CASELOAD_ACTION_SOURCES.
import { AssessorReferrals } from '../../components/VerifierReferrals';

export function QaActionsSlot({ personId }: { personId: string }) {
  return (
    <>
      <AssessorReferrals assessorId={personId} />
    </>
  );
}
