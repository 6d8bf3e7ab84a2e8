import { formatDate } from '../../../domain';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Enrolment, Person, UnitProgress } from '../../../domain';
import { type ExportedBundle, exportVerifierDecisions, type VerifierSample } from '../../../bundle';
import { formatBytes } from '../../components/StorageMeter';
import type { Samples } from './hooks';
import { ScrollTable } from '../../components/ScrollTable';

interface SamplingProps {
  units: UnitProgress[];
  /** The acting person when they are an internal quality assurer or external verifier. */
  verifier: Person | null;
  samples: Samples;
  setSamples: (samples: Samples) => void;
  /** Where a unit's own read-only page is. */
  unitLink: (unitCode: string) => string;
  /** How the decisions leave the device: one bundle's export, or nothing here when a pack exports them all. */
  children?: ReactNode;
}

/** One decision per sampled unit, kept on the device until exported. */
export function SamplingSection({ units, verifier, samples, setSamples, unitLink, children }: SamplingProps) {
  return (
    <section aria-labelledby="v-sample">
      <h2 id="v-sample">Sampling decisions</h2>
      {!verifier ? (
        <p className="alert">Say who you are (above) to record decisions.</p>
      ) : (
        <p className="meta">
          Recording as {verifier.name}. Your decisions are kept on this device until you export them or close the
          bundle. Open a unit to see its criteria and evidence.
        </p>
      )}
      <ScrollTable label="Units to sample" columns={['Unit', 'Coverage / sign-off', 'Decision', 'Comments']}>
        {units.map((u) => (
          <SampleRow
            key={u.unit.code}
            unit={u}
            samples={samples}
            setSamples={setSamples}
            enabled={!!verifier}
            unitLink={unitLink}
          />
        ))}
      </ScrollTable>
      {children}
    </section>
  );
}

interface ExportProps {
  enrolment: Enrolment;
  verifier: Person | null;
  samples: Samples;
  /** Called once the decisions have left in the bundle: they are no longer kept here. */
  onExported: () => Promise<void>;
  setError: (message: string | null) => void;
}

/** One bundle's decisions exported as a small signed bundle for the assessor to merge. */
export function ExportDecisions({ enrolment, verifier, samples, onExported, setError }: ExportProps) {
  const [exported, setExported] = useState<{ bundle: ExportedBundle; url: string; what: string } | null>(null);

  async function exportDecisions() {
    setError(null);
    if (!verifier) return;
    try {
      const bundle = await exportVerifierDecisions({ enrolment, verifier, samples: Object.values(samples) });
      const what = Object.values(samples)
        .map((s) => `${s.unitCode} ${s.outcome === 'met' ? 'agreed' : 'referred back'}`)
        .join(', ');
      setExported({ bundle, url: URL.createObjectURL(bundle.blob), what });
      await onExported();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <>
      <button
        type="button"
        disabled={!verifier || Object.keys(samples).length === 0}
        onClick={() => void exportDecisions()}
      >
        Export my decisions as a signed bundle
      </button>
      {exported && (
        <p role="status" data-testid="decisions-ready">
          <a
            className="button"
            href={exported.url}
            download={exported.bundle.fileName.replace('.zip', '-decisions.zip')}
          >
            Download decisions bundle
          </a>{' '}
          ({formatBytes(exported.bundle.blob.size)}; {exported.what}) — the assessor opens it on their device and merges
          it.
        </p>
      )}
    </>
  );
}

interface SampleRowProps {
  unit: UnitProgress;
  samples: Samples;
  setSamples: (samples: Samples) => void;
  enabled: boolean;
  unitLink: (unitCode: string) => string;
}

function SampleRow({ unit: u, samples, setSamples, enabled, unitLink }: SampleRowProps) {
  const code = u.unit.code;
  const sample = samples[code];
  const set = (patch: Partial<VerifierSample>) =>
    setSamples({ ...samples, [code]: { unitCode: code, outcome: 'met', comments: '', ...sample, ...patch } });
  const unsample = () => setSamples(Object.fromEntries(Object.entries(samples).filter(([k]) => k !== code)));
  const signOff = u.achieved
    ? `signed off ${formatDate(u.signOff!.date)}`
    : u.awaitingCountersignature
      ? 'awaiting countersignature'
      : 'not signed off';
  return (
    <tr>
      <th scope="row">
        <Link to={unitLink(code)}>{code}</Link>
      </th>
      <td>
        {Math.round(u.coverage * 100)}% · {signOff}
      </td>
      <td>
        <select
          aria-label={`Decision on ${code}`}
          value={sample ? sample.outcome : ''}
          disabled={!enabled}
          onChange={(e) =>
            e.target.value ? set({ outcome: e.target.value as VerifierSample['outcome'] }) : unsample()
          }
        >
          <option value="">not sampled</option>
          <option value="met">Agree with the assessment</option>
          <option value="not-yet">Refer back to the assessor</option>
        </select>
      </td>
      <td>
        <input
          aria-label={`Comments on ${code}`}
          value={sample?.comments ?? ''}
          disabled={!enabled || !sample}
          onChange={(e) => set({ comments: e.target.value })}
        />
      </td>
    </tr>
  );
}
