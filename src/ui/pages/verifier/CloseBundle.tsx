// Closing the opened bundle (or EQA pack): the only way (besides exporting) the verifier's decisions leave the
// device, so it asks first, in the page, saying how many unexported decisions go with it.
import { useState } from 'react';
import { countOf } from '../../../domain';

interface CloseBundleProps {
  /** What is open: "bundle" or "pack". */
  what: string;
  /** Closes it and discards the decisions (then leaves the screen, for a bundle). */
  close: () => Promise<void>;
  /** Decisions recorded and not exported since. */
  unexported: number;
  /** Stops the decisions' autosave, so it does not write them back after they are discarded. */
  beforeClose: () => void;
  onError: (message: string) => void;
}

export function CloseBundle({ what, close: closeIt, unexported, beforeClose, onError }: CloseBundleProps) {
  const [asking, setAsking] = useState(false);
  const close = () => {
    beforeClose();
    closeIt().catch((e: Error) => onError(`${e.message} The ${what} is still open.`));
  };
  return (
    <section aria-labelledby="v-close">
      <h2 id="v-close">Close this {what}</h2>
      <p className="meta">
        The {what} and your decisions not yet exported stay on this device, through a reload or a restart, until you
        close it.
      </p>
      {asking ? (
        <div role="group" aria-label={`Close the ${what} and discard`}>
          <p className="alert">
            {unexported > 0
              ? `Your ${countOf(unexported, 'decision', 'decisions')} not exported will be discarded.`
              : `The ${what} leaves this device.`}{' '}
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
          Discard: close the {what}
        </button>
      )}
    </section>
  );
}
