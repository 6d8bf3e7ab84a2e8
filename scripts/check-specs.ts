// Validates every spec in specs/ (or the files given) with the domain's parseSpec; prints a summary.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseSpec, SpecError } from '../src/domain/spec/parse';

const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync('specs')
      .filter((f) => f.endsWith('.json') && f !== 'schema.json')
      .map((f) => join('specs', f));
let failed = 0;
for (const file of files) {
  try {
    const spec = parseSpec(readFileSync(file, 'utf8'), file);
    const criteria = spec.units.reduce((n, u) => n + u.outcomes.reduce((m, o) => m + o.criteria.length, 0), 0);
    const knowledge = spec.units.reduce((n, u) => n + (u.knowledge?.length ?? 0), 0);
    console.log(
      `ok   ${file}: ${spec.units.length} units, ${spec.groups.length} groups, ${spec.rules.length} rules, ${criteria} criteria, ${knowledge} knowledge items`,
    );
  } catch (e) {
    failed++;
    console.log(e instanceof SpecError ? `FAIL ${e.message}` : `FAIL ${file}: ${String(e)}`);
  }
}
process.exit(failed ? 1 : 0);
