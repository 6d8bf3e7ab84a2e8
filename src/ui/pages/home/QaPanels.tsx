// The panels of QaActionsSlot, in their own chunk.
import { OpenQaActions } from '../../components/OpenQaActions';
import { AssessorReferrals } from '../../components/VerifierReferrals';

export default function QaPanels({ personId }: { personId: string }) {
  return (
    <>
      <AssessorReferrals assessorId={personId} />
      <OpenQaActions personId={personId} />
    </>
  );
}
