// The bundle a verifier has open read-only (never written to this device's portfolios). Held here while the app
// runs; its file is kept in the drafts table (pages/verifier/openedBundle.ts) so a reload or a crash reopens it.
import { create } from 'zustand';
import type { VerifiedBundle } from '../../bundle';

interface VerifierState {
  bundle: VerifiedBundle | null;
  /** Whether the bundle kept on the device (if any) has been looked for since the app started. */
  restored: boolean;
  /** What went wrong keeping or reopening the bundle, in words. */
  problem: string | null;
  open: (bundle: VerifiedBundle) => void;
  close: () => void;
}

export const useVerifier = create<VerifierState>((set) => ({
  bundle: null,
  restored: false,
  problem: null,
  open: (bundle) => set({ bundle, restored: true, problem: null }),
  close: () => set({ bundle: null, restored: true, problem: null }),
}));
