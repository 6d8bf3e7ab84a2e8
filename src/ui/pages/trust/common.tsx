// What the Trust screen's sections share: running an action with its outcome shown in words, downloading a
// signed document, and judging held changes again after anything that may trust a key more.
import { useState } from 'react';
import { formatFingerprint } from '../../../domain';
import { rejudgeHeld } from '../../../storage';

/** An action's outcome: a status line when it worked, an alert when it did not. */
export function useAction() {
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<string | null>) {
    setMessage(null);
    setError(null);
    try {
      setMessage(await action());
    } catch (e) {
      setError((e as Error).message);
    }
  }
  const outcome = (
    <>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {message && <p role="status">{message}</p>}
    </>
  );
  return { run, outcome, fail: setError };
}

/** Judges held changes again (a key was accepted, a certificate or centre added) and says what came of it. */
export async function applyHeldNowAllowed(): Promise<string> {
  const { applied, stillHeld } = await rejudgeHeld();
  if (applied === 0 && stillHeld === 0) return 'No changes are held.';
  return `${applied} held ${applied === 1 ? 'change' : 'changes'} applied; ${stillHeld} still held.`;
}

/** Saves a signed document as a JSON file, to be sent to the device or centre it is for. */
export function downloadJson(fileName: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The first four groups: enough to tell keys apart in a list, never to compare one (that takes all of it). */
export const shortFingerprint = (fingerprint: string) => `${formatFingerprint(fingerprint).slice(0, 19)}…`;

/** A key's full fingerprint, in groups of four, as people read it aloud. */
export function FullFingerprint({ fingerprint, testId }: { fingerprint: string; testId?: string }) {
  return (
    <code className="fingerprint" data-testid={testId}>
      {formatFingerprint(fingerprint)}
    </code>
  );
}
