// The EQA visit pack an EQA has open read-only (never written to this device's portfolios), and which of its
// portfolios is shown. Held here while the app runs; its file is kept in the drafts table (pages/eqa/openedPack.ts)
// so a reload or a crash reopens it.
import { create } from 'zustand';
import type { VerifiedPack } from '../../bundle';

interface EqaPackState {
  pack: VerifiedPack | null;
  /** The portfolio of the pack being looked at. */
  openId: string | null;
  /** Whether the pack kept on the device (if any) has been looked for since the app started. */
  restored: boolean;
  /** What went wrong keeping or reopening the pack, in words. */
  problem: string | null;
  open: (pack: VerifiedPack) => void;
  show: (portfolioId: string) => void;
  close: () => void;
}

export const useEqaPack = create<EqaPackState>((set) => ({
  pack: null,
  openId: null,
  restored: false,
  problem: null,
  open: (pack) => set({ pack, openId: null, restored: true, problem: null }),
  show: (openId) => set({ openId }),
  close: () => set({ pack: null, openId: null, restored: true, problem: null }),
}));
