// Transient: the bundle a verifier has open read-only (never written to this device's portfolios).
import { create } from 'zustand';
import type { VerifiedBundle } from '../../bundle';

interface VerifierState {
  bundle: VerifiedBundle | null;
  open: (bundle: VerifiedBundle) => void;
  close: () => void;
}

export const useVerifier = create<VerifierState>((set) => ({
  bundle: null,
  open: (bundle) => set({ bundle }),
  close: () => set({ bundle: null }),
}));
