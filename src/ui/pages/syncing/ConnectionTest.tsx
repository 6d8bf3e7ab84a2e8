// "Test connection": each step's verdict in words (reachable, CORS, credentials, list, write), stopping at the
// first that fails with what to do about it.
import { useState } from 'react';
import type { SyncSettings } from '../../../domain';
import { deviceId } from '../../../storage';
import { testConnection, type ConnectionVerdict } from '../../../sync';

const MARK = { passed: '✔', failed: '✘', 'not-checked': '–' } as const;
const STATUS_WORDS = { passed: 'passed', failed: 'failed', 'not-checked': 'not checked' } as const;

export function ConnectionTest({ settings }: { settings: SyncSettings }) {
  const [verdict, setVerdict] = useState<ConnectionVerdict | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function test() {
    setBusy(true);
    setVerdict(null);
    setError(null);
    try {
      setVerdict(await testConnection(settings, await deviceId()));
    } catch (e) {
      setError(`The test could not run: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="test-heading">
      <h2 id="test-heading">Test the connection</h2>
      <button type="button" onClick={() => void test()} disabled={busy}>
        {busy ? 'Testing…' : 'Test connection'}
      </button>
      {busy && <p role="status">Testing the connection…</p>}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {verdict && (
        <div role="status" data-testid="connection-verdict">
          <p>
            <strong>
              {verdict.ok
                ? 'The connection works: this device can sync.'
                : 'The connection does not work yet: see the step that failed.'}
            </strong>
          </p>
          <ol className="verdict-list">
            {verdict.steps.map((step) => (
              <li key={step.step} className={`verdict-${step.status}`} data-testid={`step-${step.step}`}>
                <span aria-hidden="true">{MARK[step.status]}</span> <strong>{step.label}</strong>:{' '}
                {STATUS_WORDS[step.status]}. {step.message}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
