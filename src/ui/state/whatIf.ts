// Transient UI state only: the units ticked in a qualification's "what if" panel.
import { create } from 'zustand';

interface WhatIfState {
  ticked: Record<string, string[]>;
  mode: 'award' | 'route';
  toggle: (specId: string, code: string) => void;
  set: (specId: string, codes: string[]) => void;
  setMode: (mode: 'award' | 'route') => void;
}

export const useWhatIf = create<WhatIfState>((setState) => ({
  ticked: {},
  mode: 'award',
  toggle: (specId, code) =>
    setState((s) => {
      const current = s.ticked[specId] ?? [];
      const next = current.includes(code) ? current.filter((c) => c !== code) : [...current, code];
      return { ticked: { ...s.ticked, [specId]: next } };
    }),
  set: (specId, codes) => setState((s) => ({ ticked: { ...s.ticked, [specId]: codes } })),
  setMode: (mode) => setState({ mode }),
}));
