import { useState } from 'react';

/** Loads the demo centre (docs/centre-qa.md) in one click; loading it again adds nothing. */
export function DemoCentreButton() {
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);
  async function load() {
    setState('busy');
    setError(null);
    try {
      const { loadDemoCentre } = await import('../data/demo');
      await loadDemoCentre();
      setState('done');
    } catch (e) {
      setError((e as Error).message);
      setState('idle');
    }
  }
  return (
    <>
      <button type="button" className="secondary" onClick={() => void load()} disabled={state === 'busy'}>
        {state === 'busy' ? 'Loading the demo centre…' : 'Load the demo centre'}
      </button>
      <span role="status">{state === 'done' ? ' The demo centre is loaded.' : ''}</span>
      {error && (
        <span className="alert" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
