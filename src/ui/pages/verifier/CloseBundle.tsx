// Closing the opened bundle: the only way (besides exporting) the verifier's decisions leave the device, so it asks
// first, in the page, saying how many unexported decisions go with it.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { countOf } from '../../../domain';
import { routes } from '../../routes';
import { closeOpenedBundle } from './openedBundle';

interface CloseBundleProps {
  portfolioId: string;
  /** Decisions recorded and not exported since. */
  unexported: number;
  /** Stops the decisions' autosave, so it does not write them back after they are discarded. */
  beforeClose: () => void;
  onError: (message: string) => void;
}

export function CloseBundle({ portfolioId, unexported, beforeClose, onError }: CloseBundleProps) {
  const [asking, setAsking] = useState(false);
  const navigate = useNavigate();
  const close = () => {
    beforeClose();
    closeOpenedBundle(portfolioId).then(
      () => navigate(routes.openBundle()),
      (e: Error) => onError(`${e.message} The bundle is still open.`),
    );
  };
  return (
    <section aria-labelledby="v-close">
      <h2 id="v-close">Close this bundle</h2>
      <p className="meta">
        The bundle and your decisions not yet exported stay on this device, through a reload or a restart, until you
        close it.
      </p>
      {asking ? (
        <div role="group" aria-label="Close the bundle and discard">
          <p className="alert">
            {unexported > 0
              ? `Your ${countOf(unexported, 'decision', 'decisions')} not exported will be discarded.`
              : 'The bundle leaves this device.'}{' '}
            Close it?
          </p>
          <button type="button" className="danger" onClick={close}>
            Yes, close and discard
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setAsking(false)}>
            Keep it open
          </button>
        </div>
      ) : (
        <button type="button" className="secondary" onClick={() => setAsking(true)}>
          Discard: close the bundle
        </button>
      )}
    </section>
  );
}
