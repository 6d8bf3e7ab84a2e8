import { Link, useNavigate } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { listEnrolments } from '../../storage';
import { openReadOnly } from './verifier/openedBundle';
import { BundleFilePicker } from '../components/BundleFilePicker';
import { useActingPersonId, usePeople } from '../data/hooks';
import { routes } from '../routes';
import { BundleSummary } from './import/BundleSummary';
import { EqaDecisionsSummary } from './import/EqaDecisionsSummary';
import { useBundleImport } from './import/useBundleImport';

/**
 * Open a bundle: it is verified completely and what it would change is shown before anything is written; then
 * restore, merge or view read-only.
 */
export function ImportPage() {
  const navigate = useNavigate();
  const enrolments = useLiveQuery(listEnrolments, []);
  const {
    bundle,
    decisions,
    mergedInto,
    file,
    admission,
    checking,
    writing,
    error,
    done,
    check,
    apply,
    acceptSigner,
    mergeDecisions,
  } = useBundleImport();
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
      <BundleFilePicker label="Bundle file" what="bundle" checking={checking} onFile={(f) => void check(f)} />
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
      {decisions && (
        <EqaDecisionsSummary
          decisions={decisions}
          portfolioIdsHere={new Set(enrolments?.map((e) => e.id))}
          peopleHere={people}
          writing={writing}
          onAcceptSigner={(personIds) => void acceptSigner(personIds, acting)}
          onMerge={() => void mergeDecisions()}
        />
      )}
      {mergedInto.length > 0 && (
        <ul aria-label="Portfolios the EQA’s decisions were merged into">
          {mergedInto.map((id) => (
            <li key={id}>
              <Link to={routes.portfolio(id)}>
                {people.find((p) => p.id === enrolments?.find((e) => e.id === id)?.candidateId)?.name ?? 'A portfolio'}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={routes.home()}>Back to portfolios</Link>
      </p>
    </section>
  );
}
