// The app start skips re-reading the bundled specs only when exactly the shipped files were stored before.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import { bundledSpecFilesStored, noteBundledSpecFilesStored } from '../../../src/storage';

const shipped = ['/assets/svq2-a1.json', '/assets/svq3-b2.json'];

beforeEach(() => {
  setDatabase(new FieldfolioDB(`spec-files-${Math.random()}`));
});

describe('bundled spec files already stored', () => {
  it('are none on a new device, and these files (in any order) once noted', async () => {
    expect(await bundledSpecFilesStored(shipped)).toBe(false);
    await noteBundledSpecFilesStored(shipped);
    expect(await bundledSpecFilesStored([...shipped].reverse())).toBe(true);
  });

  it('are not when an update ships a changed, added or removed file', async () => {
    await noteBundledSpecFilesStored(shipped);
    expect(await bundledSpecFilesStored(['/assets/svq2-a1.json', '/assets/svq3-c3.json'])).toBe(false);
    expect(await bundledSpecFilesStored([...shipped, '/assets/svq4-d4.json'])).toBe(false);
    expect(await bundledSpecFilesStored(shipped.slice(1))).toBe(false);
  });
});
