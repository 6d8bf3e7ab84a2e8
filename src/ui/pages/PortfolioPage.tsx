import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { computeProgress, EVIDENCE_TYPE_LABELS, EVIDENCE_TYPES, type CriterionProgress, type CriterionStatus, type PortfolioProgress } from '../../domain';
import { auditLog, signDeclaration, todayIso, listConflicts, resolveConflict } from '../../storage';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Person } from '../../domain';
import { usePortfolio } from '../data/hooks';
import { SignatureField, type SignatureValue } from '../capture/SignatureField';
import { ExportPanel } from '../components/ExportPanel';
import { RuleLine } from '../components/RuleLine';
import { EnrolmentEditor } from '../components/EnrolmentEditor';
import { routes } from '../routes';

export function PortfolioPage() {
  const { portfolioId } = useParams();
  const data = usePortfolio(portfolioId);
  const progress = useMemo(() => (data?.spec ? computeProgress(data.spec, data, todayIso()) : null), [data]);
  const restReady = useAfterFirstPaint(data !== undefined);
  if (data === undefined) return <p role="status">Loading…</p>;
  if (data === null) return <p className="alert">No portfolio with this id on this device.</p>;
  const { enrolment, people, spec } = data;
  const person = (id: string | null) => people.find((p) => p.id === id);
  const candidate = person(enrolment.candidateId);

  return (
    <article className="portfolio">
      <p className="breadcrumb">
        <Link to="/">Portfolios</Link> ›
      </p>
      <h1>{candidate?.name ?? 'Candidate'}</h1>
      <p className="meta">
        {spec?.title ?? enrolment.specId} · spec {enrolment.specVersion} · started {enrolment.startDate}
        {enrolment.assessorId && ` · assessor ${person(enrolment.assessorId)?.name ?? ''}`}
      </p>
      {data.specError && (
        <p className="alert" role="alert">
          {data.specError}
        </p>
      )}
      {data.problems.length > 0 && (
        <div className="alert" role="alert">
          <p>Some stored records could not be read and are not shown:</p>
          <ul>
            {data.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <nav className="actions" aria-label="Portfolio actions">
        <Link className="button" to={routes.newEvidence(enrolment.id, 'O')}>
          Record an observation
        </Link>
        <Link className="button secondary" to={routes.newEvidence(enrolment.id)}>
          Add other evidence
        </Link>
        <Link className="button secondary" to={routes.forms(enrolment.id)}>
          Recording forms
        </Link>
      </nav>
      {progress && spec && (
        <>
          <ChecksSection progress={progress} portfolioId={enrolment.id} />
          <AwardSection progress={progress} />
          <ProgressMatrix progress={progress} portfolioId={enrolment.id} />
        </>
      )}
      {restReady ? (
        <>
          <EnrolmentEditor enrolment={enrolment} spec={spec} people={people} decisions={data.decisions} />
          <QualityAssurance data={data} />
          <ConflictsSection portfolioId={enrolment.id} />
          <ExportPanel portfolioId={enrolment.id} />
          <EvidenceList data={data} />
          <DeclarationSection data={data} candidateName={candidate?.name ?? ''} />
          <AuditSection portfolioId={enrolment.id} people={people} />
        </>
      ) : (
        <p role="status">Loading the rest of the portfolio…</p>
      )}
    </article>
  );
}

/**
 * False until the frame after `active` first became true has painted: the checks, rules and progress matrix
 * paint first, and the long sections below them (editing, export, evidence, audit log) a frame later.
 */
function useAfterFirstPaint(active: boolean): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!active || ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setReady(true))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [active, ready]);
  return ready;
}

function ChecksSection({ progress }: { progress: PortfolioProgress; portfolioId: string }) {
  return (
    <section aria-labelledby="checks-heading">
      <h2 id="checks-heading">Checks</h2>
      {progress.flags.length === 0 ? (
        <p>✓ No issues: evidence is current, every route criterion has evidence, the declaration is signed.</p>
      ) : (
        <ul className="flags" data-testid="flags">
          {progress.flags.map((f, i) => (
            <li key={i} data-flag={f.kind}>
              <strong>{FLAG_LABELS[f.kind]}:</strong> {f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const FLAG_LABELS = {
  currency: 'Currency',
  sufficiency: 'Sufficiency',
  authenticity: 'Authenticity',
  simulation: 'Simulation',
  countersign: 'Countersigning',
  route: 'Route',
} as const;

function AwardSection({ progress }: { progress: PortfolioProgress }) {
  const { award, plan } = progress;
  return (
    <section aria-labelledby="award-heading">
      <h2 id="award-heading">Rules of combination</h2>
      <p className={`verdict ${award.achieved ? 'ok' : 'not-ok'}`} data-testid="award-verdict">
        {award.achieved ? '✓ Award achieved' : '✗ Award not yet achieved'}{' '}
        <span className="meta">(signed-off units: {progress.achievedUnits.join(', ') || 'none'})</span>
      </p>
      <ul className="rule-results">
        {award.rules.map((r) => (
          <RuleLine key={r.ruleId} result={r} />
        ))}
      </ul>
      {!award.achieved && (
        <p data-testid="still-missing">
          <strong>Still missing:</strong>{' '}
          {plan.possible ? `sign off ${plan.addUnits.length} more unit${plan.addUnits.length === 1 ? '' : 's'}: ${plan.addUnits.join(', ')}` : 'no choice of units can achieve the award'}
        </p>
      )}
    </section>
  );
}

const CHIP_CLASS: Record<CriterionStatus, string> = { none: 'chip', evidence: 'chip covered', met: 'chip covered met', 'not-yet': 'chip not-yet' };
const CHIP_MARK: Record<CriterionStatus, string> = { none: '', evidence: '✓ ', met: '✓✓ ', 'not-yet': '✗ ' };

/** What a criterion chip says to a screen reader (the mark alone is not enough). */
function chipText(c: CriterionProgress): string {
  const evidence = c.evidenceIds.length ? `has ${c.evidenceIds.length} evidence` : 'no evidence';
  if (c.status === 'not-yet') return ` judged not yet by the assessor, ${evidence}`;
  if (c.status === 'met') return ` judged met by the assessor, ${evidence}`;
  return ` ${evidence}`;
}

function ProgressMatrix({ progress, portfolioId }: { progress: PortfolioProgress; portfolioId: string }) {
  return (
    <section aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">Progress</h2>
      <p>
        Overall: <strong data-testid="overall-coverage">{Math.round(progress.overallCoverage * 100)}%</strong> of the route's criteria
        covered or signed off.
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Progress by unit">
        <table className="units-table matrix">
          <thead>
            <tr>
              <th scope="col">Unit</th>
              <th scope="col">Coverage</th>
              <th scope="col">Criteria (✓ has evidence, ✓✓ judged met, ✗ judged not yet)</th>
              <th scope="col">Sign-off</th>
            </tr>
          </thead>
          <tbody>
            {progress.units.map((u) => (
              <tr key={u.unit.code} data-unit={u.unit.code}>
                <th scope="row">
                  <Link to={routes.unit(portfolioId, u.unit.code)}>{u.unit.code}</Link>
                  {!u.inRoute && <span className="tag">not in route</span>}
                  <div className="meta">{u.unit.title}</div>
                </th>
                <td>
                  <meter min={0} max={1} value={u.coverage} aria-label={`${u.unit.code} coverage`} />{' '}
                  <span data-testid={`coverage-${u.unit.code}`}>{Math.round(u.coverage * 100)}%</span>
                  <div className="meta">
                    {u.covered}/{u.total}
                  </div>
                </td>
                <td>
                  <ul className="chips" aria-label={`${u.unit.code} criteria`}>
                    {u.criteria.map((c) => (
                      <li key={c.ref.key} className={CHIP_CLASS[c.status]} title={c.status === 'not-yet' ? `Not yet: ${c.ref.text}` : c.ref.text} data-status={c.status}>
                        {CHIP_MARK[c.status]}
                        {c.ref.label}
                        <span className="visually-hidden">{chipText(c)}</span>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {u.achieved
                    ? `✓ Signed off ${u.signOff!.date}`
                    : u.awaitingCountersignature
                      ? 'Awaiting countersignature'
                      : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Shown a page at a time: a portfolio can hold thousands of items, and rendering them all would slow the screen. */
const EVIDENCE_PAGE = 50;

function EvidenceList({ data }: { data: NonNullable<ReturnType<typeof usePortfolio>> }) {
  const [shown, setShown] = useState(EVIDENCE_PAGE);
  const [query, setQuery] = useState('');
  const byEvidence = useMemo(() => {
    const counts = new Map<string, number>();
    for (const m of data.mappings) counts.set(m.evidenceId, (counts.get(m.evidenceId) ?? 0) + 1);
    return counts;
  }, [data.mappings]);
  const matching = useMemo(() => {
    const q = query.trim().toLowerCase();
    // data.evidence comes newest first: what an assessor just recorded is what they look for.
    return q ? data.evidence.filter((e) => `${e.title} ${e.type} ${e.date} ${e.location}`.toLowerCase().includes(q)) : data.evidence;
  }, [data.evidence, query]);
  const visible = matching.slice(0, shown);
  return (
    <section aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence ({data.evidence.length})</h2>
      <p className="meta">
        Types: {EVIDENCE_TYPES.map((t) => `${t} ${EVIDENCE_TYPE_LABELS[t]}`).join(' · ')}
      </p>
      {data.evidence.length === 0 ? (
        <p>No evidence yet.</p>
      ) : (
        <>
          {data.evidence.length > EVIDENCE_PAGE && (
            <label className="field">
              <span>Find evidence (title, type, date, place)</span>
              <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
            </label>
          )}
          <ul className="evidence-list" aria-label="Evidence">
            {visible.map((e) => (
              <li key={e.id}>
                <Link to={routes.evidence(data.enrolment.id, e.id)}>
                  <strong>{e.title}</strong>
                </Link>{' '}
                <span className="tag">{e.type}</span>
                {e.simulation && <span className="tag">simulation</span>}
                <div className="meta">
                  {e.date}
                  {e.location && ` · ${e.location}`} · {byEvidence.get(e.id) ?? 0} criteria · {e.mediaIds.length} media
                </div>
              </li>
            ))}
          </ul>
          <p className="meta" role="status">
            Showing {visible.length} of {matching.length}
            {query ? ` matching “${query}”` : ''}, newest first.{' '}
            {matching.length > visible.length && (
              <button type="button" className="secondary small" onClick={() => setShown((n) => n + EVIDENCE_PAGE)}>
                Show {Math.min(EVIDENCE_PAGE, matching.length - visible.length)} more
              </button>
            )}
          </p>
        </>
      )}
    </section>
  );
}

function DeclarationSection({ data, candidateName }: { data: NonNullable<ReturnType<typeof usePortfolio>>; candidateName: string }) {
  const [signature, setSignature] = useState<SignatureValue | null>(null);
  const [error, setError] = useState<string | null>(null);
  const signed = data.signatures.find((s) => s.purpose === 'declaration' && s.subjectId === data.enrolment.id);
  return (
    <section aria-labelledby="declaration-heading">
      <h2 id="declaration-heading">Candidate declaration</h2>
      <p className="statement">{DECLARATION}</p>
      {signed ? (
        <p data-testid="declaration-signed">
          ✓ Signed by {signed.typedName} on {signed.signedAt.slice(0, 10)}
        </p>
      ) : (
        <>
          {error && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
          <SignatureField label="Candidate's signature" defaultName={candidateName} defaultRole="Candidate" value={signature} onChange={setSignature} required />
          <button
            type="button"
            disabled={!signature}
            onClick={() =>
              signature &&
              void signDeclaration(data.enrolment.id, { ...signature, personId: data.enrolment.candidateId, statement: DECLARATION }).catch((e: Error) =>
                setError(e.message),
              )
            }
          >
            Sign the declaration
          </button>
        </>
      )}
    </section>
  );
}

export const DECLARATION =
  'I confirm that the evidence in this portfolio is my own work, produced in my workplace (or as stated), and that any witness testimony is from people who saw my work.';

/** The append-only record of who did what, when. */
function AuditSection({ portfolioId, people }: { portfolioId: string; people: Person[] }) {
  const entries = useLiveQuery(() => auditLog(portfolioId), [portfolioId]);
  const name = (id: string | null) => (id ? (people.find((p) => p.id === id)?.name ?? 'someone') : 'no one chosen');
  return (
    <details className="notes">
      <summary>Audit log ({entries?.length ?? 0} most recent entries)</summary>
      <ol className="audit">
        {entries?.map((a) => (
          <li key={a.id}>
            <time dateTime={a.at}>{a.at.replace('T', ' ').slice(0, 19)}</time> — {name(a.actorId)}: {a.action} {a.recordType}
            {a.summary && ` (${a.summary})`} <span className="meta">device {a.deviceId.slice(0, 8)}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Sampling decisions of internal quality assurers and external verifiers, merged in from their bundles. */
function QualityAssurance({ data }: { data: NonNullable<ReturnType<typeof usePortfolio>> }) {
  const samples = data.decisions.filter((d) => d.kind === 'sample');
  if (samples.length === 0) return null;
  const name = (id: string) => data.people.find((p) => p.id === id)?.name ?? 'a verifier';
  return (
    <section aria-labelledby="qa-heading">
      <h2 id="qa-heading">Quality assurance</h2>
      <ul data-testid="samples">
        {samples.map((d) => (
          <li key={d.id}>
            <strong>{d.unitCode}</strong>: {d.outcome === 'met' ? 'agreed' : 'referred back'} by {name(d.assessorId)} on {d.date}
            {d.comments && ` — “${d.comments}”`}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Concurrent edits kept when bundles were merged: both versions, for the person to compare. */
function ConflictsSection({ portfolioId }: { portfolioId: string }) {
  const conflicts = useLiveQuery(() => listConflicts(portfolioId), [portfolioId]);
  const [error, setError] = useState<string | null>(null);
  if (!conflicts || conflicts.length === 0) return null;
  const resolve = (c: (typeof conflicts)[number], choice: 'kept' | 'other') => {
    setError(null);
    resolveConflict(c, choice).catch((e: Error) => setError(`${e.message} Both versions are still kept.`));
  };
  return (
    <section aria-labelledby="conflicts-heading" className="alert">
      <h2 id="conflicts-heading">Changes made on two devices at once ({conflicts.length})</h2>
      <p>Both versions were kept. Compare them and choose which one stands; the choice travels to other devices as a new revision.</p>
      {error && <p role="alert">{error}</p>}
      <ul>
        {conflicts.map((c) => (
          <li key={c.id}>
            {c.table} {c.recordId.slice(0, 8)}: in force from device {c.conflict.kept.deviceId.slice(0, 8)} ({c.conflict.kept.updatedAt.slice(0, 16)}); other version from device{' '}
            {c.conflict.other.deviceId.slice(0, 8)} ({c.conflict.other.updatedAt.slice(0, 16)}).
            <ConflictDiff kept={c.conflict.kept} other={c.conflict.other} />
            <button type="button" className="secondary small" onClick={() => resolve(c, 'kept')}>
              Keep the version in force
            </button>{' '}
            <button type="button" className="secondary small" onClick={() => resolve(c, 'other')}>
              Use the other version
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The fields in which two versions differ, side by side. */
function ConflictDiff({ kept, other }: { kept: object; other: object }) {
  const a = kept as Record<string, unknown>;
  const b = other as Record<string, unknown>;
  const skip = new Set(['rev', 'clock', 'updatedAt', 'deviceId', 'createdAt', 'schemaVersion']);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !skip.has(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  return (
    <dl className="diff">
      {keys.map((k) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>
            in force: <q>{JSON.stringify(a[k])}</q> · other: <q>{JSON.stringify(b[k])}</q>
          </dd>
        </div>
      ))}
    </dl>
  );
}
