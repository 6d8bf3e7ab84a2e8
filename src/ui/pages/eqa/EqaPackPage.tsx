import { useState } from 'react';
import { Link } from 'react-router';
import { exportEqaPack, type ExportedBundle, type ExportProgress } from '../../../bundle';
import { useEnrolments, usePeople, useStoredSpecs } from '../../data/hooks';
import { formatBytes } from '../../components/StorageMeter';
import { routes } from '../../routes';
import { QaScreen, useStaff } from '../qa/common';
import { countOf, packExportRefusal } from '../../../domain';

/** The IQA chooses the portfolios for an external quality assurer's visit and exports them, with the centre's records, as one signed pack. */
export function EqaPackPage() {
  const staff = useStaff();
  const refusal = staff ? packExportRefusal(staff.acting) : null;
  const enrolments = useEnrolments()?.filter((e) => !e.deleted);
  const [chosen, setChosen] = useState<string[]>([]);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exported, setExported] = useState<{ pack: ExportedBundle; url: string } | null>(null);
  async function exportPack() {
    setError(null);
    setExported(null);
    try {
      const pack = await exportEqaPack(chosen, { onProgress: setProgress });
      setExported({ pack, url: URL.createObjectURL(pack.blob) });
    } catch (e) {
      setError(`The pack could not be made: ${(e as Error).message}`);
    } finally {
      setProgress(null);
    }
  }

  return (
    <QaScreen title="EQA visit pack">
      <p className="lead">
        Choose the portfolios for the external quality assurer. The pack holds them complete with their media, the
        centre’s sampling plans, IQA decisions, actions, standardisation, CPD and appeals, and a report they can read in
        any browser. It is signed by this device.
      </p>
      <p>
        Received a pack from a centre? <Link to={routes.verifyPack()}>Open an EQA pack</Link>
      </p>
      {enrolments && enrolments.length === 0 && <p>There are no portfolios on this device.</p>}
      <PortfolioChoice chosen={chosen} setChosen={setChosen} />
      {refusal && (
        <p className="notice" id="pack-refusal" data-testid="pack-refusal">
          {refusal}
        </p>
      )}
      <button
        type="button"
        disabled={!staff || !!refusal || chosen.length === 0 || !!progress}
        aria-describedby={refusal ? 'pack-refusal' : undefined}
        onClick={() => void exportPack()}
      >
        Export the EQA visit pack
      </button>
      {progress && (
        <div role="status">
          <label>
            Writing the pack: {progress.file}
            <progress max={progress.bytesTotal || 1} value={progress.bytesDone} />
          </label>{' '}
          {formatBytes(progress.bytesDone)} of {formatBytes(progress.bytesTotal)}
        </div>
      )}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {exported && (
        <p role="status" data-testid="eqa-pack-ready">
          <a className="button" href={exported.url} download={exported.pack.fileName}>
            Download the EQA visit pack
          </a>{' '}
          ({formatBytes(exported.pack.blob.size)}, {countOf(exported.pack.files, 'file')}) — the EQA opens it under{' '}
          <Link to={routes.verifyPack()}>Open an EQA pack</Link> on their device, or reads its report.html in any
          browser.
        </p>
      )}
    </QaScreen>
  );
}

/** Every portfolio on this device, to tick for the pack, named by candidate, qualification and assessor. */
function PortfolioChoice({ chosen, setChosen }: { chosen: string[]; setChosen: (ids: string[]) => void }) {
  const enrolments = useEnrolments()?.filter((e) => !e.deleted);
  const people = usePeople() ?? [];
  const specs = useStoredSpecs() ?? [];
  const name = (id: string | null) => people.find((p) => p.id === id)?.name ?? 'no one yet';
  const title = (specId: string) => specs.find((s) => s.id === specId)?.title ?? specId;
  return (
    <fieldset hidden={!enrolments?.length}>
      <legend>Portfolios in the pack ({chosen.length} chosen)</legend>
      <button
        type="button"
        className="secondary"
        onClick={() => setChosen(chosen.length === enrolments?.length ? [] : (enrolments ?? []).map((e) => e.id))}
      >
        {chosen.length === enrolments?.length ? 'Choose none' : 'Choose all'}
      </button>
      {(enrolments ?? []).map((e) => (
        <label key={e.id} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(e.id)}
            onChange={(ev) => setChosen(ev.target.checked ? [...chosen, e.id] : chosen.filter((id) => id !== e.id))}
          />{' '}
          {name(e.candidateId)}{' '}
          <span className="meta">
            · {title(e.specId)} · assessor {name(e.assessorId)}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
