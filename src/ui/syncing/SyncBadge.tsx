// The header's compact sync state (only on a connected device): a link to the Sync screen that says, in a few
// words, whether everything is sent or what is in the way. Its own chunk: the engine loads after the first paint.
import { Link } from 'react-router';
import { routes } from '../routes';
import { usePortfolioSyncViews, useSyncService } from './hooks';
import { headerSyncWords } from './words';

export default function SyncBadge() {
  const state = useSyncService();
  const views = usePortfolioSyncViews();
  const line = headerSyncWords(state, views ?? []);
  if (!line) return null;
  return (
    <Link to={routes.sync()} className={`sync-badge sync-${line.tone}`} data-testid="sync-badge">
      {line.words}
    </Link>
  );
}
