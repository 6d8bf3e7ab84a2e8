import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { computeProgress, EVIDENCE_TYPE_LABELS, freshMeta, mappingsOf, type Decision, type MediaMeta } from '../../domain';
import { writeBundle, type ExportedBundle } from '../../bundle/export';
import { clearDraft, loadDraft, loadStoredSpec, newId, nowIso, todayIso, deviceId, draftKeys } from '../../storage';
import { useLiveQuery } from 'dexie-react-hooks';
import { RuleLine } from '../components/RuleLine';
import { useActingPersonId, usePeople } from '../data/hooks';
import { useAutosave } from '../data/useAutosave';
import { useVerifier } from '../state/verifier';
import { formatBytes } from '../components/StorageMeter';
import { routes } from '../routes';

interface Sample {
  unitCode: string;
  outcome: 'met' | 'not-yet';
  comments: string;
}

/** A bundle opened read-only: completeness, rules status, evidence and signatures; sampling decisions exported as a small signed bundle. */
export function VerifierPage() {
  const bundle = useVerifier((s) => s.bundle);
  const people = usePeople();
  const acting = useActingPersonId();
  const [samples, setSamples] = useState<Record<string, Sample>>({});
  const [loaded, setLoaded] = useState(false);
  const [exported, setExported] = useState<{ bundle: ExportedBundle; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const draftKey = bundle ? draftKeys.verifierSamples(bundle.portfolioId) : null;

  useEffect(() => {
    if (!draftKey) return;
    void loadDraft<Record<string, Sample>>(draftKey).then((d) => {
      if (d) setSamples(d);
      setLoaded(true);
    });
  }, [draftKey]);
  useAutosave(draftKey, samples, loaded, setError);

  const enrolment = bundle?.records.enrolments[0];
  // The bundle's own spec; an incremental bundle carries none, so the one stored on this device, if any.
  const storedSpec = useLiveQuery(async () => (enrolment && bundle?.specs.length === 0 ? loadStoredSpec(enrolment.specId, enrolment.specVersion) : null), [enrolment, bundle]);
  const spec = bundle?.specs.find((x) => x.id === enrolment?.specId && x.version === enrolment?.specVersion) ?? bundle?.specs[0] ?? storedSpec ?? null;
  const progress = useMemo(() => {
    if (!bundle || !spec || !enrolment) return null;
    const live = <T extends { deleted: boolean }>(xs: T[]) => xs.filter((x) => !x.deleted);
    const evidence = live(bundle.records.evidence);
    return computeProgress(spec, { enrolment, people: bundle.records.people, evidence, mappings: mappingsOf(evidence), decisions: live(bundle.records.decisions), signatures: live(bundle.records.signatures) }, todayIso());
  }, [bundle, spec, enrolment]);

  if (!bundle || !enrolment) {
    return (
      <section>
        <h1>Verifier view</h1>
        <p>
          No bundle is open. <Link to={routes.openBundle()}>Open a bundle</Link> and choose “Open read-only”.
        </p>
      </section>
    );
  }
  const person = (id: string | null) => bundle.records.people.find((p) => p.id === id);
  const verifier = people?.find((p) => p.id === acting);
  const isVerifier = !!verifier && (verifier.roles.includes('iqa') || verifier.roles.includes('ev'));

  async function exportDecisions() {
    setError(null);
    if (!verifier || !enrolment) return;
    const device = await deviceId();
    const at = nowIso();
    const decisions: Decision[] = Object.values(samples).map((s) => ({
      ...freshMeta(newId(), device, at),
      portfolioId: enrolment.id,
      kind: 'sample',
      unitCode: s.unitCode,
      criterionKey: null,
      outcome: s.outcome,
      assessorId: verifier.id,
      date: todayIso(),
      comments: s.comments,
      signatureId: null,
      countersignedBy: null,
      countersignatureId: null,
      candidateSignatureId: null,
    }));
    try {
      const out = await writeBundle({
        records: { enrolments: [enrolment], people: [verifier], evidence: [], media: [], decisions, signatures: [], forms: [] },
        mediaBlobs: new Map(),
        audit: [],
      }, { partial: true });
      setExported({ bundle: out, url: URL.createObjectURL(out.blob) });
      if (draftKey) await clearDraft(draftKey);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <article>
      <h1>Verifier view: {person(enrolment.candidateId)?.name}</h1>
      <p className="meta">
        Read-only: nothing from this bundle is stored on this device. {spec?.title ?? enrolment.specId} · exported {bundle.exportedAt.slice(0, 10)} · signed by key{' '}
        <code>{bundle.signer.fingerprint}</code> ({bundle.signer.known ? `known: ${bundle.signer.label}` : 'not seen before'})
      </p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {progress && (
        <section aria-labelledby="v-rules">
          <h2 id="v-rules">Completeness and rules of combination</h2>
          <p className={`verdict ${progress.award.achieved ? 'ok' : 'not-ok'}`} data-testid="verifier-verdict">
            {progress.award.achieved ? '✓ Award achieved on the signed-off units' : '✗ Award not yet achieved'} ({progress.achievedUnits.join(', ') || 'no units signed off'})
          </p>
          <ul className="rule-results">
            {progress.award.rules.map((r) => (
              <RuleLine key={r.ruleId} result={r} />
            ))}
          </ul>
          <h3>Checks</h3>
          <ul>
            {progress.flags.map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ul>
        </section>
      )}
      {!spec && (
        <p className="alert" data-testid="verifier-no-spec">
          This bundle does not carry the qualification spec ({enrolment.specId} {enrolment.specVersion}) and this device does not have it: completeness and the rules cannot be judged. Ask for a full bundle.
        </p>
      )}
      <section aria-labelledby="v-sample">
        <h2 id="v-sample">Sampling decisions</h2>
        {!isVerifier && <p className="alert">Choose an internal quality assurer or external verifier under “Acting as” to record decisions.</p>}
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Units to sample">
          <table className="units-table">
            <thead>
              <tr>
                <th scope="col">Unit</th>
                <th scope="col">Coverage / sign-off</th>
                <th scope="col">Decision</th>
                <th scope="col">Comments</th>
              </tr>
            </thead>
            <tbody>
              {(progress?.units ?? []).map((u) => {
                const s = samples[u.unit.code];
                const set = (patch: Partial<Sample>) =>
                  setSamples({ ...samples, [u.unit.code]: { unitCode: u.unit.code, outcome: 'met', comments: '', ...s, ...patch } });
                return (
                  <tr key={u.unit.code}>
                    <th scope="row">{u.unit.code}</th>
                    <td>
                      {Math.round(u.coverage * 100)}% · {u.achieved ? `signed off ${u.signOff!.date}` : u.awaitingCountersignature ? 'awaiting countersignature' : 'not signed off'}
                    </td>
                    <td>
                      <select aria-label={`Decision on ${u.unit.code}`} value={s ? s.outcome : ''} disabled={!isVerifier} onChange={(e) => (e.target.value ? set({ outcome: e.target.value as Sample['outcome'] }) : setSamples(Object.fromEntries(Object.entries(samples).filter(([k]) => k !== u.unit.code))))}>
                        <option value="">not sampled</option>
                        <option value="met">Agree with the assessment</option>
                        <option value="not-yet">Refer back to the assessor</option>
                      </select>
                    </td>
                    <td>
                      <input aria-label={`Comments on ${u.unit.code}`} value={s?.comments ?? ''} disabled={!isVerifier || !s} onChange={(e) => set({ comments: e.target.value })} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <button type="button" disabled={!isVerifier || Object.keys(samples).length === 0} onClick={() => void exportDecisions()}>
          Export my decisions as a signed bundle
        </button>
        {exported && (
          <p role="status" data-testid="decisions-ready">
            <a className="button" href={exported.url} download={exported.bundle.fileName.replace('.zip', '-decisions.zip')}>
              Download decisions bundle
            </a>{' '}
            ({formatBytes(exported.bundle.blob.size)}) — the assessor opens it on their device and merges it.
          </p>
        )}
      </section>
      <section aria-labelledby="v-evidence">
        <h2 id="v-evidence">Evidence ({bundle.records.evidence.filter((e) => !e.deleted).length})</h2>
        <ul className="evidence-list">
          {bundle.records.evidence
            .filter((e) => !e.deleted)
            .map((e) => (
              <li key={e.id}>
                <strong>{e.title}</strong> <span className="tag">{e.type}</span> <span className="meta">{EVIDENCE_TYPE_LABELS[e.type]} · {e.date} · {e.criteria.length} criteria</span>
                {bundle.records.media
                  .filter((m) => m.evidenceId === e.id && !m.deleted)
                  .map((m) => (
                    <BundleMedia key={m.id} media={m} blob={bundle.media.get(m.id)} />
                  ))}
                {bundle.records.signatures
                  .filter((s) => s.subjectId === e.id && !s.deleted)
                  .map((s) => (
                    <p key={s.id} className="meta">
                      Signed by {s.typedName} ({s.role}) {s.signedAt.slice(0, 10)}
                    </p>
                  ))}
              </li>
            ))}
        </ul>
      </section>
    </article>
  );
}

function BundleMedia({ media, blob }: { media: MediaMeta; blob: Blob | undefined }) {
  const url = useMemo(() => (blob ? URL.createObjectURL(blob) : null), [blob]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  if (!url) return null;
  if (media.mimeType.startsWith('image/') && media.mimeType !== 'image/svg+xml') return <img className="thumb" src={url} alt={media.name || 'Evidence photo'} />;
  return (
    <a href={url} download={media.name || 'evidence'}>
      Download {media.name || media.mimeType} ({formatBytes(media.size)})
    </a>
  );
}
