import { useSyncExternalStore } from 'react';

function subscribe(callback: () => void) {
  window.addEventListener('online', callback);
  window.addEventListener('offline', callback);
  return () => {
    window.removeEventListener('online', callback);
    window.removeEventListener('offline', callback);
  };
}

export function OnlineStatus() {
  const online = useSyncExternalStore(subscribe, () => navigator.onLine);
  return (
    <span className={`net-status ${online ? 'online' : 'offline'}`} role="status">
      {online ? (
        'Online'
      ) : (
        <>
          Offline<span className="net-status-more"> — everything still works</span>
        </>
      )}
    </span>
  );
}
