import { z } from '../zod';
import { QualificationSpec, type Rule } from './schema';
import { evidenceTypeIssues } from '../evidenceTypes';
import { LIMITS, jsonTextProblem, specSizeProblem } from '../limits';

export interface SpecIssue {
  /** JSON path, e.g. "$.rules[2].groups[0]" */
  path: string;
  message: string;
}

/** Thrown by parseSpec: names the file (when known), and every problem with its JSON path. */
export class SpecError extends Error {
  readonly issues: SpecIssue[];
  readonly file: string | undefined;
  constructor(issues: SpecIssue[], file?: string) {
    const where = file ? `${file}: ` : '';
    super(issues.map((i) => `${where}${i.path}: ${i.message}`).join('\n'));
    this.name = 'SpecError';
    this.issues = issues;
    this.file = file;
  }
}

export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return (
    '$' +
    path
      .map((p) =>
        typeof p === 'number'
          ? `[${p}]`
          : /^[A-Za-z_$][\w$]*$/.test(String(p))
            ? `.${String(p)}`
            : `[${JSON.stringify(String(p))}]`,
      )
      .join('')
  );
}

function zodIssues(error: z.ZodError): SpecIssue[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === 'invalid_union' && 'discriminator' in issue) {
      message = `unknown rule kind (expected one of ${RULE_KINDS.join(', ')})`;
    } else if (issue.code === 'unrecognized_keys') {
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    }
    return { path: jsonPath(issue.path), message };
  });
}

const RULE_KINDS: Rule['kind'][] = [
  'allOfGroup',
  'minUnits',
  'minCredits',
  'maxCredits',
  'minCreditsAtLevel',
  'maxUnitsAtLevels',
  'minGlh',
];

/** Cross-references zod cannot express: unique codes and ids, rules naming groups that exist. */
function semanticIssues(spec: QualificationSpec): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const groupIds = new Set<string>();
  spec.groups.forEach((g, i) => {
    if (groupIds.has(g.id)) issues.push({ path: `$.groups[${i}].id`, message: `duplicate group id "${g.id}"` });
    groupIds.add(g.id);
  });
  const unitCodes = new Set<string>();
  spec.units.forEach((u, i) => {
    if (unitCodes.has(u.code)) issues.push({ path: `$.units[${i}].code`, message: `duplicate unit code "${u.code}"` });
    unitCodes.add(u.code);
    if (u.group !== null && !groupIds.has(u.group)) {
      issues.push({ path: `$.units[${i}].group`, message: `unknown group "${u.group}"` });
    }
    const criterionIds = new Set<string>();
    u.outcomes.forEach((o, j) =>
      o.criteria.forEach((c, k) => {
        const key = `${o.id}/${c.id}`;
        if (criterionIds.has(key)) {
          issues.push({
            path: `$.units[${i}].outcomes[${j}].criteria[${k}].id`,
            message: `duplicate criterion "${c.id}" in outcome "${o.id}" of unit ${u.code}`,
          });
        }
        criterionIds.add(key);
      }),
    );
    const outcomeIds = new Set<string>();
    u.outcomes.forEach((o, j) => {
      if (outcomeIds.has(o.id)) {
        issues.push({
          path: `$.units[${i}].outcomes[${j}].id`,
          message: `duplicate outcome "${o.id}" in unit ${u.code}`,
        });
      }
      outcomeIds.add(o.id);
    });
    const knowledgeIds = new Set<string>();
    (u.knowledge ?? []).forEach((k, j) => {
      if (knowledgeIds.has(k.id)) {
        issues.push({
          path: `$.units[${i}].knowledge[${j}].id`,
          message: `duplicate knowledge item "${k.id}" in unit ${u.code}`,
        });
      }
      knowledgeIds.add(k.id);
    });
  });
  const ruleIds = new Set<string>();
  spec.rules.forEach((r, i) => {
    if (ruleIds.has(r.id)) issues.push({ path: `$.rules[${i}].id`, message: `duplicate rule id "${r.id}"` });
    ruleIds.add(r.id);
    if (r.kind === 'allOfGroup') {
      if (!groupIds.has(r.group))
        issues.push({ path: `$.rules[${i}].group`, message: `rule names unknown group "${r.group}"` });
    } else {
      r.groups?.forEach((g, j) => {
        if (!groupIds.has(g))
          issues.push({ path: `$.rules[${i}].groups[${j}]`, message: `rule names unknown group "${g}"` });
      });
    }
  });
  for (const [path, message] of evidenceTypeIssues(spec)) issues.push({ path: `$.evidenceTypes${path}`, message });
  if (spec.kind === 'qualification' && spec.rules.length === 0) {
    issues.push({ path: '$.rules', message: 'a qualification needs at least one rule of combination' });
  }
  return issues;
}

/** A spec file's text parsed, within the LIMITS on its size and depth. */
function parseSpecText(text: string, file: string | undefined): unknown {
  // UTF-8 takes at least a byte per UTF-16 unit: only a text longer than the limit can be over it (and is encoded
  // just to say by how much).
  const size = text.length > LIMITS.specBytes ? new TextEncoder().encode(text).length : 0;
  const problem = specSizeProblem(size) ?? jsonTextProblem(text);
  if (problem) throw new SpecError([{ path: '$', message: problem }], file);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SpecError([{ path: '$', message: `bad JSON: ${(e as Error).message}` }], file);
  }
}

/**
 * Validates a spec (already JSON-parsed, or a JSON string) and returns it typed.
 * Throws SpecError naming every problem with its JSON path.
 */
export function parseSpec(json: unknown, file?: string): QualificationSpec {
  let value = json;
  if (typeof json === 'string') value = parseSpecText(json, file);
  const result = QualificationSpec.safeParse(value);
  if (!result.success) throw new SpecError(zodIssues(result.error), file);
  const issues = semanticIssues(result.data);
  if (issues.length > 0) throw new SpecError(issues, file);
  return result.data;
}
