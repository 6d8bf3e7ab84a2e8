// What the storage bench page (bench-entry.ts) offers its runner (tests/bench/browser.bench.ts): one set of types
// for both sides. No imports: the runner is type-checked for Node, without the page's Vite types.
export type BenchInsert = () => Promise<{ ms: number; evidence: number; mappings: number }>;
export type BenchProgress = () => Promise<{
  loadMs: number;
  computeMs: number;
  totalMs: number;
  evidence: number;
  runs: number[];
  portfolioId: string;
}>;
