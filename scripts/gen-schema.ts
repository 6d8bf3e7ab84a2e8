// Writes specs/schema.json from the zod schema (the single source of truth); --check fails if it is stale.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { z } from 'zod';
import { QualificationSpec } from '../src/domain/spec/schema';

const schema = z.toJSONSchema(QualificationSpec, { io: 'input', target: 'draft-2020-12' });
const text =
  JSON.stringify(
    { ...schema, $id: 'https://fieldfolio.example/specs/schema.json', title: 'Fieldfolio qualification spec' },
    null,
    2,
  ) + '\n';
const path = 'specs/schema.json';
if (process.argv.includes('--check')) {
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
    console.error(`${path} is out of date: run npm run schema`);
    process.exit(1);
  }
  console.log(`${path} is current`);
} else {
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
