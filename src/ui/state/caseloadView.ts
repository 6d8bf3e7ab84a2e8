// Transient UI state only: how the home screen's caseload is filtered and sorted (kept while the app is open, so
// coming back from a portfolio finds the list as it was left).
import { create } from 'zustand';
import { DEFAULT_CASELOAD_VIEW, type CaseloadView } from '../../domain';

interface CaseloadViewState {
  view: CaseloadView;
  change: (changes: Partial<CaseloadView>) => void;
}

export const useCaseloadView = create<CaseloadViewState>((setState) => ({
  view: DEFAULT_CASELOAD_VIEW,
  change: (changes) => setState((s) => ({ view: { ...s.view, ...changes } })),
}));
