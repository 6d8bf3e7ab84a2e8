// Rules engine figures: evaluateAward and planCompletion on every bundled qualification.
// Runs on the production bundle of src/domain (built by scripts/bench.ts), so module plumbing of a
// dev loader is not measured. Targets: evaluate < 50 µs median, plan < 5 ms p95 on the largest spec.
import { readFileSync, readdirSync } from 'node:fs';
import type * as Domain from '../../src/domain';

export async function benchRules(domain: typeof Domain) {
  const specs = readdirSync('specs')
    .filter((f) => f.endsWith('.json') && f !== 'schema.json')
    .map((f) => domain.parseSpec(readFileSync(`specs/${f}`, 'utf8'), f))
    .filter((s) => s.rules.length > 0)
    .sort((a, b) => a.units.length - b.units.length);

  // Deterministic pseudo-random achieved sets: each unit achieved with a probability drawn per set,
  // so sets run from nearly empty to nearly complete.
  let seed = 12345;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const sets = (spec: Domain.QualificationSpec, n: number) =>
    Array.from({ length: n }, () => {
      const p = random();
      return spec.units.filter(() => random() < p).map((u) => u.code);
    });

  const time = (fn: () => void, runs: number) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      fn();
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
    return { median: at(0.5), p95: at(0.95), max: samples[samples.length - 1]! };
  };

  const rows: string[] = [];
  for (const spec of specs) {
    const inputs = sets(spec, 400);
    // Warm up the JIT on the same inputs.
    for (const codes of inputs.slice(0, 100)) {
      domain.evaluateAward(spec, codes);
      domain.planCompletion(spec, codes);
    }
    let i = 0;
    const evaluate = time(() => domain.evaluateAward(spec, inputs[i++ % inputs.length]!), 4000);
    i = 0;
    const plan = time(() => domain.planCompletion(spec, inputs[i++ % inputs.length]!), 400);
    const empty = time(() => domain.planCompletion(spec, []), 50);
    rows.push(
      [
        spec.id.padEnd(44),
        String(spec.units.length).padStart(5),
        `${(evaluate.median * 1000).toFixed(1)} µs`.padStart(12),
        `${(evaluate.p95 * 1000).toFixed(1)} µs`.padStart(12),
        `${plan.median.toFixed(2)} ms`.padStart(10),
        `${plan.p95.toFixed(2)} ms`.padStart(10),
        `${plan.max.toFixed(2)} ms`.padStart(10),
        `${empty.median.toFixed(2)} ms`.padStart(12),
      ].join(' '),
    );
  }
  console.log('\nRules engine (Node ' + process.version + ', production bundle; 400 random achieved sets per spec)');
  console.log(
    ['spec'.padEnd(44), 'units', 'eval median', 'eval p95', 'plan med', 'plan p95', 'plan max', 'plan from 0'].join(
      ' ',
    ),
  );
  for (const row of rows) console.log(row);
}
