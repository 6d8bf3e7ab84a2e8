// CI: an exported bundle checks out with standard tools, no Fieldfolio needed:
//   unzip -t bundle.zip; cd <bag>; sha256sum -c manifest-sha256.txt; sha256sum -c tagmanifest-sha256.txt
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FieldfolioDB, setDatabase } from '../src/storage/db';
import { storeSpecs } from '../src/storage/repo';
import { loadDemoPortfolio } from '../src/storage/demo';
import { exportPortfolio } from '../src/bundle/export';
import { parseSpec } from '../src/domain/spec/parse';

setDatabase(new FieldfolioDB('check-bundle'));
await storeSpecs([parseSpec(readFileSync('specs/svq2-customer-service-scqf5.json', 'utf8'))], 'bundled');
const id = await loadDemoPortfolio();
const { blob, fileName } = await exportPortfolio(id);
const dir = mkdtempSync(join(tmpdir(), 'fieldfolio-bundle-'));
const zipPath = join(dir, fileName);
writeFileSync(zipPath, new Uint8Array(await blob.arrayBuffer()));
const run = (cmd: string, args: string[], cwd = dir) => {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  console.log(execFileSync(cmd, args, { cwd, encoding: 'utf8' }).trimEnd());
};
run('unzip', ['-t', zipPath]);
run('unzip', ['-q', zipPath]);
const bag = join(dir, readdirSync(dir).find((f) => f.startsWith('fieldfolio-') && !f.endsWith('.zip'))!);
run('sha256sum', ['-c', 'manifest-sha256.txt'], bag);
run('sha256sum', ['-c', 'tagmanifest-sha256.txt'], bag);
console.log(readFileSync(join(bag, 'bag-info.txt'), 'utf8'));
console.log(`bundle ${fileName}: ${blob.size} bytes, checked with unzip and sha256sum`);
