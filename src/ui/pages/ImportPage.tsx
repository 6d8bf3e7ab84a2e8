import { Link, useNavigate } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { listEnrolments } from '../../storage';
import { openReadOnly } from './verifier/openedBundle';
import { formatBytes } from '../components/StorageMeter';
import { useActingPersonId, usePeople } from '../data/hooks';
import { routes } from '../routes';
import { BundleSummary } from './import/BundleSummary';
import { useBundleImport } from './import/useBundleImport';

/**
 * Open a bundle: it is verified completely and what it would change is shown before anything is written; then
 * restore, merge or view read-only.
 */
export function ImportPage() {
  const navigate = useNavigate();
  const enrolments = useLiveQuery(listEnrolments, []);
  const { bundle, file, admission, checking, writing, error, done, check, apply, acceptSigner } = useBundleImport();
  const people = usePeople() ?? [];
  const acting = useActingPersonId() ?? null;

  const onDevice = bundle && enrolments?.some((e) => e.id === bundle.portfolioId);
  return (
    <section>
      <h1>Open a bundle</h1>
      <p className="lead">
        Choose a Fieldfolio bundle (.zip). It is checked completely — every file, hash and the signature — before
        anything is written.
      </p>
      <label className="field">
        <span>Bundle file</span>
        <input
          type="file"
          accept=".zip,application/zip"
          onChange={(e) => e.target.files?.[0] && void check(e.target.files[0])}
        />
      </label>
      {checking && (
        <div role="status">
          <label>
            Checking the bundle: every file's hash
            <progress max={checking.total || 1} value={checking.done} />
          </label>{' '}
          {formatBytes(checking.done)} of {formatBytes(checking.total)}
        </div>
      )}
      {writing && <p role="status">Writing the portfolio to this device…</p>}
      {error && (
        <p className="alert" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {done && <p role="status">{done}</p>}
      {bundle && admission && (
        <BundleSummary
          bundle={bundle}
          admission={admission}
          onDevice={!!onDevice}
          writing={writing}
          peopleHere={people}
          onAcceptSigner={(personIds) => void acceptSigner(personIds, acting)}
          onApply={(mode) => void apply(mode)}
          onOpenReadOnly={() => file && void openReadOnly(bundle, file).then(() => navigate(routes.verifier()))}
        />
      )}
      <p>
        <Link to={routes.home()}>Back to portfolios</Link>
      </p>
    </section>
  );
}
