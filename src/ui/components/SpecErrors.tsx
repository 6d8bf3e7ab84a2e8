import type { SpecLoadError } from '../data/bundledSpecs';

export function SpecErrors({ errors }: { errors: SpecLoadError[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="alert" role="alert">
      <h2>Some qualification files could not be loaded</h2>
      <p>They are left out; everything else works. The problems:</p>
      <ul>
        {errors.map((e) => (
          <li key={e.file}>
            <pre>{e.message}</pre>
          </li>
        ))}
      </ul>
    </div>
  );
}
