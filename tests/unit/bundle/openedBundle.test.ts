// A verifier's opened bundle survives a reload (and a crash: it is kept when opened, not when the page closes):
// its file is kept in the drafts table, verified again on the next start, and leaves only when the verifier
// closes it, with their unexported decisions.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { setDatabase } from '../../../src/storage/db';
import { draftKeys, loadDraft, saveDraft } from '../../../src/storage';
import { verifyBundle } from '../../../src/bundle/verify';
import { useVerifier } from '../../../src/ui/state/verifier';
import { closeOpenedBundle, openReadOnly, restoreKeptBundle } from '../../../src/ui/pages/verifier/openedBundle';
import { device, installFileClock, setUpDemoPhone } from './helpers';

installFileClock();
const demo = setUpDemoPhone();

/** What a reload does to the app's memory: the opened bundle is gone until it is restored. */
const reload = () => useVerifier.setState({ bundle: null, restored: false, problem: null });

describe('the opened bundle on a verifier’s device', () => {
  it('is reopened after a reload, decisions beside it, until the verifier closes it', async () => {
    setDatabase(demo.phone);
    const bundle = await verifyBundle(demo.bundle);
    await device('verifier-tablet');
    await openReadOnly(bundle, new File([demo.bundle], 'annie.zip', { type: 'application/zip' }));
    const samplesKey = draftKeys.verifierSamples(bundle.portfolioId);
    await saveDraft(samplesKey, { C3: { unitCode: 'C3', outcome: 'not-yet', comments: 'Unsigned' } });

    reload();
    expect(useVerifier.getState().bundle).toBeNull();
    await restoreKeptBundle();
    const reopened = useVerifier.getState().bundle!;
    expect(reopened.portfolioId).toBe(bundle.portfolioId);
    expect(reopened.records.evidence.map((e) => e.id)).toEqual(bundle.records.evidence.map((e) => e.id));
    expect(reopened.media.size).toBe(bundle.media.size);
    expect(await loadDraft(samplesKey)).toEqual({ C3: { unitCode: 'C3', outcome: 'not-yet', comments: 'Unsigned' } });

    await closeOpenedBundle(bundle.portfolioId);
    expect(useVerifier.getState().bundle).toBeNull();
    expect(await loadDraft(samplesKey)).toBeUndefined();
    reload();
    await restoreKeptBundle();
    expect(useVerifier.getState()).toMatchObject({ bundle: null, restored: true, problem: null });
  });

  it('a kept file that no longer verifies is not opened: the verifier is told, and it is dropped', async () => {
    await device('verifier-tablet-2');
    const bytes = new Uint8Array(await demo.bundle.arrayBuffer());
    bytes[2000] = bytes[2000]! ^ 0xff;
    await saveDraft(draftKeys.verifierBundle(), { file: new Blob([bytes]), name: 'annie.zip', openedAt: '' });
    reload();
    await restoreKeptBundle();
    expect(useVerifier.getState().bundle).toBeNull();
    expect(useVerifier.getState().problem).toMatch(
      /^The bundle you had open could not be opened again \(.+\)\. Open it again/,
    );
    expect(await loadDraft(draftKeys.verifierBundle())).toBeUndefined();
  });
});
