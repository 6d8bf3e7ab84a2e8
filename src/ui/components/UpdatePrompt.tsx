import { useRegisterSW } from 'virtual:pwa-register/react';

/** A new version is never applied silently: the user chooses when to reload. */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();
  if (!needRefresh && !offlineReady) return null;
  return (
    <div className="banner" role="status" aria-live="polite">
      {needRefresh ? (
        <>
          <span>A new version of Fieldfolio is ready. Save your work, then reload.</span>
          <button type="button" onClick={() => void updateServiceWorker(true)}>
            Reload now
          </button>
          <button type="button" className="secondary" onClick={() => setNeedRefresh(false)}>
            Later
          </button>
        </>
      ) : (
        <>
          <span>Fieldfolio is ready to work offline.</span>
          <button type="button" className="secondary" onClick={() => setOfflineReady(false)}>
            OK
          </button>
        </>
      )}
    </div>
  );
}
