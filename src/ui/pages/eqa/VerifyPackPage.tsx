import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../../domain';
import { BundleError, verifiedPackReport, verifyPack, type VerifiedPack } from '../../../bundle';
import { formatBytes } from '../../components/StorageMeter';
import { usePeople } from '../../data/hooks';
import { routes } from '../../routes';
import { OpenBundle } from '../VerifierPage';

/**
 * An EQA visit pack opened read-only: checked completely first, then its report and its portfolios, each shown as
 * the verifier view shows a bundle, where the EQA records sampling decisions and exports them for the centre.
 */
export function VerifyPackPage() {
  const [pack, setPack] = useState<VerifiedPack | null>(null);
  const [checking, setChecking] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);

  async function check(file: File) {
    setPack(null);
    setOpenId(null);
    setError(null);
    setChecking({ done: 0, total: file.size });
    try {
      setPack(await verifyPack(file, { onProgress: (done, total) => setChecking({ done, total }) }));
    } catch (e) {
      setError(
        e instanceof BundleError
          ? `This pack was refused; nothing was opened. ${e.message}`
          : `This file could not be read as an EQA visit pack: ${(e as Error).message}`,
      );
    } finally {
      setChecking(null);
    }
  }

  const open = pack?.portfolios.find((p) => p.portfolioId === openId);
  return (
    <section>
      <h1>Open an EQA visit pack</h1>
      <p className="lead">
        Choose the pack (.zip) the centre gave you. Every file, hash and the signature are checked before it opens.
        Read-only: nothing from the pack is stored on this device.
      </p>
      <label className="field">
        <span>EQA visit pack file</span>
        <input
          type="file"
          accept=".zip,application/zip"
          onChange={(e) => e.target.files?.[0] && void check(e.target.files[0])}
        />
      </label>
      {checking && (
        <div role="status">
          <label>
            Checking the pack: every file's hash
            <progress max={checking.total || 1} value={checking.done} />
          </label>{' '}
          {formatBytes(checking.done)} of {formatBytes(checking.total)}
        </div>
      )}
      {error && (
        <p className="alert" role="alert" data-testid="pack-error">
          {error}
        </p>
      )}
      {pack && <PackSummary pack={pack} openId={openId} onOpen={setOpenId} />}
      {open && <OpenBundle bundle={open} enrolment={open.records.enrolments[0]!} />}
      <p>
        <Link to={routes.eqaPack()}>Make an EQA visit pack</Link>
      </p>
    </section>
  );
}

function PackSummary({
  pack,
  openId,
  onOpen,
}: {
  pack: VerifiedPack;
  openId: string | null;
  onOpen: (id: string) => void;
}) {
  const people = usePeople() ?? [];
  const nameIn = (p: VerifiedPack['portfolios'][number], id: string) =>
    p.records.people.find((x) => x.id === id)?.name ?? people.find((x) => x.id === id)?.name ?? 'unnamed';
  return (
    <>
      <p className="meta" data-testid="pack-summary">
        Pack made {formatDate(pack.exportedAt)}
        {pack.sender ? ` by ${pack.sender.name}` : ''} · {pack.portfolios.length} portfolio(s),{' '}
        {formatBytes(pack.payloadBytes)} · signed by key <code>{pack.signer.fingerprint}</code> (
        {pack.signer.known ? `known: ${pack.signer.label}` : 'not seen before: compare it with the centre'})
      </p>
      <PackReport pack={pack} />
      <section aria-labelledby="pack-portfolios">
        <h2 id="pack-portfolios">Portfolios in the pack</h2>
        <ul className="plain-list">
          {pack.portfolios.map((p) => {
            const e = p.records.enrolments[0]!;
            return (
              <li key={p.portfolioId}>
                <button
                  type="button"
                  className={openId === p.portfolioId ? undefined : 'secondary'}
                  aria-pressed={openId === p.portfolioId}
                  onClick={() => onOpen(p.portfolioId)}
                >
                  {nameIn(p, e.candidateId)}
                </button>{' '}
                <span className="meta">
                  {p.specs[0]?.title ?? e.specId} · assessor {e.assessorId ? nameIn(p, e.assessorId) : 'none'}
                </span>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}

/** The visit report made here from the pack's verified data, shown sandboxed (no script, an origin of its own). */
function PackReport({ pack }: { pack: VerifiedPack }) {
  const [report, setReport] = useState<Awaited<ReturnType<typeof verifiedPackReport>> | null>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let current = true;
    void verifiedPackReport(pack).then((made) => current && setReport(made));
    return () => {
      current = false;
    };
  }, [pack]);
  if (!report) return null;
  return (
    <section aria-labelledby="pack-report">
      <h2 id="pack-report">Visit report</h2>
      {report.received === 'different' && (
        <p className="alert" role="alert">
          The report inside this pack differs from its data; showing the report made from the data.
        </p>
      )}
      <button type="button" className="secondary" aria-expanded={shown} onClick={() => setShown(!shown)}>
        {shown ? 'Hide the visit report' : 'View the visit report'}
      </button>
      {shown && (
        <iframe
          className="report-frame"
          sandbox=""
          srcDoc={report.html}
          title="EQA visit report, made from the pack’s data"
        />
      )}
    </section>
  );
}
