import { Link } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { listHeld } from '../../../storage';
import { routes } from '../../routes';

/** Changes to this portfolio held from other devices (docs/trust.md): never applied silently, so said here. */
export function HeldChangesLine({ portfolioId }: { portfolioId: string }) {
  const count = useLiveQuery(async () => (await listHeld(portfolioId)).length, [portfolioId]);
  if (!count) return null;
  return (
    <p data-testid="held-line">
      {count} {count === 1 ? 'change' : 'changes'} held from other devices — <Link to={routes.trust()}>see Trust</Link>
    </p>
  );
}
