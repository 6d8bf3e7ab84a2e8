// The open quality-assurance actions waiting for the acting person (issue 12, point 3), above the caseload. The
// same actions also reach each candidate's card through storage's CASELOAD_ACTION_SOURCES.
import { OpenQaActions } from '../../components/OpenQaActions';

export function QaActionsSlot({ personId }: { personId: string }) {
  return <OpenQaActions personId={personId} />;
}
