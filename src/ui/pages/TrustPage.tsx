import { AcceptedKeys } from './trust/AcceptedKeys';
import { AddTrustDocuments } from './trust/AddTrustDocuments';
import { CentreDevice } from './trust/CentreDevice';
import { CentreKeys } from './trust/CentreKeys';
import { HeldChanges } from './trust/HeldChanges';
import { StoredCertificates } from './trust/StoredCertificates';
import { ThisDevice } from './trust/ThisDevice';

/** Trust (docs/trust.md): this device's key, the centre keys it trusts, keys accepted by hand, held changes. */
export function TrustPage() {
  return (
    <article>
      <h1>Trust</h1>
      <p className="lead">
        Which devices’ changes this device accepts, and for whom. A change from a key this device does not trust is
        held, never applied silently.
      </p>
      <HeldChanges />
      <ThisDevice />
      <CentreKeys />
      <AddTrustDocuments />
      <StoredCertificates />
      <AcceptedKeys />
      <CentreDevice />
    </article>
  );
}
