import { addTrustDocuments } from '../../../storage';
import { applyHeldNowAllowed, useAction } from './common';

/** Certificates and revocations arrive as small JSON files; anything larger is not one. */
const MAX_BYTES = 1024 * 1024;

/** Reads one certificate or revocation, or an array of them, from a JSON file. */
async function documentsIn(file: File): Promise<unknown[]> {
  if (file.size > MAX_BYTES)
    throw new Error(
      `${file.name} is larger than 1 MB: certificates and revocations are small files. Nothing was added.`,
    );
  let value: unknown;
  try {
    value = JSON.parse(await file.text());
  } catch {
    throw new Error(`${file.name} is not a JSON file. Nothing was added.`);
  }
  return Array.isArray(value) ? value : [value];
}

/** Adds certificates or revocations from a file: each is kept only if a centre key's signature checks out. */
export function AddTrustDocuments() {
  const { run, outcome } = useAction();
  async function add(file: File) {
    const { added, problems } = await addTrustDocuments(await documentsIn(file));
    const refused = problems.length > 0 ? ` Refused ${problems.length}: ${problems.join('; ')}.` : '';
    return `Added ${added}.${refused} ${added > 0 ? await applyHeldNowAllowed() : ''}`.trim();
  }
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">Add certificates or revocations</h2>
      <p className="meta">
        A JSON file from the centre: one certificate or revocation, or a list of them. Each is checked against the
        centre key that signed it; only certificates from a trusted centre key count.
      </p>
      <label className="field">
        <span>Certificate or revocation file</span>
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void run(() => add(file));
          }}
        />
      </label>
      {outcome}
    </section>
  );
}
