// The layer rules in eslint.config.js, proved on probe sources: each forbidden direction is reported, each
// allowed one is not. (ESLint lints text as if it were the named file, so nothing is written to src/.)
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImports(filePath: string, imports: string[]): Promise<string[]> {
  const text =
    imports.map((from, i) => `import * as m${i} from '${from}';`).join('\n') +
    `\nexport const all = [${imports.map((_, i) => `m${i}`).join(', ')}];\n`;
  const [result] = await eslint.lintText(text, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message.match(/'([^']+)'/)?.[1] ?? m.message);
}

describe('layer boundaries', () => {
  it('domain imports nothing above it, nor React or Dexie', async () => {
    const bad = ['../storage', '../bundle/export', '../ui/routes', 'react', 'dexie'];
    expect(await restrictedImports('src/domain/probe.ts', [...bad, 'zod', './spec/schema'])).toEqual(bad);
  });

  it('storage imports neither bundle nor ui, and enters domain through its index', async () => {
    const bad = ['../bundle', '../bundle/verify', '../ui/routes', '../domain/spec/parse'];
    expect(await restrictedImports('src/storage/probe.ts', [...bad, '../domain', 'dexie', './db'])).toEqual(bad);
  });

  it('bundle does not import ui, and enters domain and storage through their indexes', async () => {
    const bad = ['../ui', '../storage/db', '../domain/portfolio/progress', 'dexie'];
    expect(await restrictedImports('src/bundle/probe.ts', [...bad, '../storage', '../domain', './zipread'])).toEqual(
      bad,
    );
  });

  it('sync does not import ui, and enters domain, storage and bundle through their indexes', async () => {
    const bad = ['../ui', '../bundle/export', '../storage/db', '../domain/spec/parse', 'dexie'];
    expect(
      await restrictedImports('src/sync/probe.ts', [...bad, '../bundle', '../storage', '../domain', './objectStore']),
    ).toEqual(bad);
  });

  it('storage and bundle do not import sync', async () => {
    expect(await restrictedImports('src/storage/probe.ts', ['../sync'])).toEqual(['../sync']);
    expect(await restrictedImports('src/bundle/probe.ts', ['../sync'])).toEqual(['../sync']);
  });

  it('ui enters every layer through its index and never talks to Dexie', async () => {
    const bad = [
      '../../storage/db',
      '../../bundle/export',
      '../../domain/spec/parse',
      '../../sync/objectStore',
      'dexie',
    ];
    expect(
      await restrictedImports('src/ui/pages/Probe.tsx', [
        ...bad,
        '../../storage',
        '../../bundle',
        '../../sync',
        '../../domain',
        'dexie-react-hooks',
        '../routes',
      ]),
    ).toEqual(bad);
  });
});
