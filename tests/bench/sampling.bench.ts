// Sample proposer figure (issue 12): a centre of 40 assessors and 800 candidates (SVQ2 routes of 7 units, work at
// every stage) proposed in < 200 ms median. Beside it, in the same run, peers over the same inputs: serialising
// them with JSON.stringify, and evaluating the rules of combination for every portfolio.
import type * as Domain from '../../src/domain';
import { readFileSync } from 'node:fs';

const METHODS = ['O', 'Q&A', 'P', 'RA', 'PD', 'WT'] as const;

function centre(): Domain.ProposalInput {
  let seed = 4242;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const day = (d: number) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
  const assessors = Array.from({ length: 40 }, (_, i): Domain.AssessorRisk => ({
    id: `assessor-${i}`,
    name: `Assessor ${i}`,
    status: i % 10 === 0 ? 'working-towards' : 'qualified',
    staffSince: i % 7 === 0 ? day(-100) : day(-2000),
    earlierDisagreements: i % 5 === 0 ? 1 : 0,
  }));
  const route = ['F1', 'F2', 'A10', 'B2', 'C3', 'D2', 'D3'];
  const portfolios = Array.from({ length: 800 }, (_, i): Domain.PortfolioWork => {
    const progress = random();
    const units = route.map((unitCode, u) => {
      const worked = u / route.length < progress;
      const signed = worked && random() < 0.6;
      return {
        unitCode,
        methods: worked ? METHODS.filter(() => random() < 0.4) : [],
        lastEvidenceDate: worked ? day(Math.floor(random() * 170)) : null,
        signedOffOn: signed ? day(10 + Math.floor(random() * 170)) : null,
      };
    });
    return {
      id: `p-${i}`,
      candidateId: `c-${i}`,
      assessorId: `assessor-${i % 40}`,
      site: `Site ${i % 6}`,
      startDate: day(-30),
      units,
      completedOn: null,
    };
  });
  return {
    specId: 'svq2-customer-service-scqf5',
    periodStart: day(0),
    periodEnd: day(181),
    changedUnits: ['C3'],
    assessors,
    portfolios,
  };
}

function median(fn: () => void, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export function benchSampling(domain: typeof Domain) {
  const input = centre();
  const spec = domain.parseSpec(readFileSync('specs/svq2-customer-service-scqf5.json', 'utf8'), 'svq2');
  const achieved = input.portfolios.map((p) => p.units.filter((u) => u.signedOffOn).map((u) => u.unitCode));
  for (let i = 0; i < 3; i++) domain.proposeSample(input);
  const propose = median(() => domain.proposeSample(input), 15);
  const stringify = median(() => JSON.stringify(input), 15);
  const rules = median(() => achieved.forEach((codes) => domain.evaluateAward(spec, codes)), 15);
  const { items } = domain.proposeSample(input);
  console.log('\nSample proposer: 40 assessors, 800 candidates (target < 200 ms median)');
  console.log(`  proposeSample                      ${propose.toFixed(1).padStart(8)} ms   (${items.length} items)`);
  console.log(
    `  peer: JSON.stringify of the inputs ${stringify.toFixed(1).padStart(8)} ms   ratio ${(propose / stringify).toFixed(1)}×`,
  );
  console.log(
    `  peer: evaluateAward, 800 portfolios${rules.toFixed(1).padStart(8)} ms   ratio ${(propose / rules).toFixed(1)}×`,
  );
  console.log(`  ${propose < 200 ? 'PASS' : 'FAIL'}: ${propose.toFixed(1)} ms against 200 ms`);
}
