import { useEffect, useState } from 'react';

/** Another tab opened a newer version of the app: this tab's database closed, so ask for a reload. */
export function DatabaseOutdated() {
  const [outdated, setOutdated] = useState(false);
  useEffect(() => {
    const on = () => setOutdated(true);
    window.addEventListener('fieldfolio:db-outdated', on);
    return () => window.removeEventListener('fieldfolio:db-outdated', on);
  }, []);
  if (!outdated) return null;
  return (
    <div className="banner" role="alert">
      A newer version of Fieldfolio is open in another tab. Reload this tab to keep working.{' '}
      <button type="button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}
