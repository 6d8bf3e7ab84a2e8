// CI: an exported bundle, and an EQA visit pack, check out with standard tools, no Fieldfolio needed:
//   unzip -t bundle.zip; cd <bag>; sha256sum -c manifest-sha256.txt; sha256sum -c tagmanifest-sha256.txt;
//   and the signature with openssl (scripts/verify-signature.sh), which must also refuse an altered tag manifest.
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FieldfolioDB, setDatabase } from '../src/storage/db';
import { setActingPerson, storeSpecs } from '../src/storage';
import { loadDemoPortfolio } from '../src/storage/demo';
import { loadDemoCentre } from '../src/storage/demoCentre';
import { exportPortfolio } from '../src/bundle/export';
import { exportEqaPack } from '../src/bundle/pack';
import { parseSpec } from '../src/domain/spec/parse';

const spec = (id: string) => parseSpec(readFileSync(`specs/${id}.json`, 'utf8'));
setDatabase(new FieldfolioDB('check-bundle'));
await storeSpecs(
  ['svq2-customer-service-scqf5', 'svq3-customer-service-scqf6', 'vtct-l3-dip-customer-service'].map(spec),
  'bundled',
);
const id = await loadDemoPortfolio();
await checkWithStandardTools(await exportPortfolio(id));
// An EQA visit pack of the demo centre's first four portfolios: the same bag rules, the same tools.
// Made by the centre's qualified IQA, as only they may (the demo portfolio's assessor is acting until then).
const centre = await loadDemoCentre();
await setActingPerson(centre.staff.kenneth.id);
await checkWithStandardTools(await exportEqaPack(centre.portfolioIds.slice(0, 4)));

async function checkWithStandardTools({ blob, fileName }: { blob: Blob; fileName: string }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldfolio-bundle-'));
  const zipPath = join(dir, fileName);
  writeFileSync(zipPath, new Uint8Array(await blob.arrayBuffer()));
  const run = (cmd: string, args: string[], cwd = dir) => {
    console.log(`$ ${cmd} ${args.join(' ')}`);
    console.log(execFileSync(cmd, args, { cwd, encoding: 'utf8' }).trimEnd());
  };
  run('unzip', ['-t', zipPath]);
  run('unzip', ['-q', zipPath]);
  const bag = join(
    dir,
    readdirSync(dir).find((f) => f.startsWith('fieldfolio-') && !f.endsWith('.zip'))!,
  );
  run('sha256sum', ['-c', 'manifest-sha256.txt'], bag);
  run('sha256sum', ['-c', 'tagmanifest-sha256.txt'], bag);
  run('sh', [resolve('scripts/verify-signature.sh'), bag]);
  const fingerprint = JSON.parse(readFileSync(join(bag, 'signature.json'), 'utf8')).fingerprint as string;
  if (
    !execFileSync('sh', [resolve('scripts/verify-signature.sh'), bag], { encoding: 'utf8' }).includes(
      `signer fingerprint: ${fingerprint}`,
    )
  ) {
    throw new Error('openssl check: the fingerprint differs from signature.json');
  }
  const altered = join(dir, 'altered');
  cpSync(bag, altered, { recursive: true });
  appendFileSync(join(altered, 'tagmanifest-sha256.txt'), '\n');
  try {
    execFileSync('sh', [resolve('scripts/verify-signature.sh'), altered], { stdio: 'pipe' });
    throw new Error('openssl check accepted an altered tag manifest');
  } catch (e) {
    if ((e as Error).message.startsWith('openssl check')) throw e;
    console.log('$ sh scripts/verify-signature.sh <bag with an altered tag manifest>  → refused, as it must be');
  }
  console.log(readFileSync(join(bag, 'bag-info.txt'), 'utf8'));
  console.log(`bundle ${fileName}: ${blob.size} bytes, checked with unzip, sha256sum and openssl`);
}
