// Slot for the open quality-assurance actions waiting for the acting person (issue 13, point 5): another piece of
// work builds an OpenQaActions component; it goes here, above the caseload, e.g.
//   return <OpenQaActions personId={personId} />;
// The same actions also reach each candidate's card through storage's CASELOAD_ACTION_SOURCES.
export function QaActionsSlot(_props: { personId: string }) {
  return null;
}
