import { use, useState } from 'react';
import { countOf, parseSpec, specSizeProblem, type QualificationSpec } from '../../domain';
import { storeSpecs } from '../../storage';
import { useStoredSpecs } from '../data/hooks';
import { Link } from 'react-router';
import { loadBundledSpecs } from '../data/bundledSpecs';
import { SpecErrors } from '../components/SpecErrors';
import { qualificationNumbersText, frameworkText } from '../format';
import { routes } from '../routes';

export function SpecListPage() {
  const { specs, errors } = use(loadBundledSpecs());
  return (
    <section>
      <h1>Qualifications</h1>
      <p className="lead">
        Every qualification bundled with Fieldfolio, transcribed from the awarding bodies' specifications. Open one to
        see its units, criteria and rules of combination, and try a route in the “what if” panel.
      </p>
      <SpecErrors errors={errors} />
      <AddSpec bundledIds={specs.map((s) => s.id)} />
      <ul className="card-list" aria-label="Bundled qualifications">
        {specs.map((spec) => (
          <li key={spec.id} className="card">
            <h2>
              <Link to={routes.qualification(spec.id)}>{spec.title}</Link>
            </h2>
            <p className="meta">
              {spec.awardingBody} · {frameworkText(spec)}
              {spec.kind === 'unit-bank' ? ' · unit bank (no award rules)' : ''}
            </p>
            <p className="meta">
              {countOf(spec.units.length, 'unit')}
              {spec.credits !== null ? ` · ${countOf(spec.credits, 'credit')}` : ''}
              {spec.glh !== null ? ` · ${spec.glh} GLH` : ''}
              {spec.tqt !== null ? ` · TQT ${spec.tqt}` : ''}
              {spec.qualificationNumbers.length > 0 ? ` · ${qualificationNumbersText(spec)}` : ''}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Add a qualification from a spec file: validated with parseSpec, kept on this device; no code involved. */
function AddSpec({ bundledIds }: { bundledIds: string[] }) {
  const stored = useStoredSpecs();
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const imported = (stored ?? []).filter((s) => !bundledIds.includes(s.id));

  async function add(file: File) {
    setError(null);
    setAdded(null);
    // Refused by its size before it is read: the same cap as a spec inside a bundle.
    const tooLarge = specSizeProblem(file.size);
    if (tooLarge) {
      setError(`${file.name} ${tooLarge}`);
      return;
    }
    let spec: QualificationSpec;
    try {
      spec = parseSpec(await file.text(), file.name);
    } catch (e) {
      setError((e as Error).message);
      return;
    }
    try {
      await storeSpecs([spec], 'imported');
      setAdded(`${spec.title} (spec ${spec.version}) was added to this device.`);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section className="panel" aria-labelledby="add-spec-heading">
      <h2 id="add-spec-heading">Add a qualification from a spec file</h2>
      <p className="meta">
        A JSON file in the format of <code>specs/README.md</code>. It is checked completely; a malformed file is refused
        with the file, the JSON path and the problem, and nothing is stored.
      </p>
      <label className="field">
        <span>Spec file (.json)</span>
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => e.target.files?.[0] && void add(e.target.files[0])}
        />
      </label>
      {error && (
        <div className="alert" role="alert" data-testid="spec-error">
          <p>This spec file was refused:</p>
          <pre>{error}</pre>
        </div>
      )}
      {added && <p role="status">{added}</p>}
      {imported.length > 0 && (
        <ul aria-label="Qualifications added on this device">
          {imported.map((s) => (
            <li key={`${s.id}@${s.version}`}>
              <Link to={routes.qualification(s.id)}>{s.title}</Link> <span className="meta">(spec {s.version})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
