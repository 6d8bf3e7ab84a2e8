// Who may make an EQA visit pack: only a qualified IQA. The pack is the centre's account of its quality assurance,
// signed by the device, and seed 000 (Annexe 3.3) has an IQA working towards the qualification countersigned and
// supported by a qualified IQA in everything they decide: there is no countersigning of a pack, so a qualified IQA
// makes it. Assessors and candidates are sampled, not samplers. The pack's export enforces it (bundle/pack.ts); the
// pack screen says it before anyone tries. Pure.
import type { Person } from '../records';

/** Why `acting` may not make the pack, in words; null when they may. */
export function packExportRefusal(acting: Pick<Person, 'name' | 'roles' | 'iqaStatus'> | null): string | null {
  if (!acting) return 'Choose who you are (Acting as, at the top): only a qualified IQA makes the EQA visit pack.';
  if (!acting.roles.includes('iqa')) {
    return `${acting.name} is not an internal quality assurer here: only a qualified IQA makes the EQA visit pack, as it presents the centre’s quality assurance to the awarding body.`;
  }
  // As the trust rules read it (domain/trust/authority.ts): an IQA not marked as working towards is qualified.
  if (acting.iqaStatus === 'working-towards') {
    return `${acting.name} is working towards the IQA qualification: a qualified IQA makes the EQA visit pack (seed 000, 3.3: a trainee IQA’s decisions are countersigned by a qualified IQA).`;
  }
  return null;
}
