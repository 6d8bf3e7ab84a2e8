import { useId, type FormEvent } from 'react';
import {
  checkRoute,
  type Decision,
  type Enrolment,
  type Person,
  type QualificationSpec,
  type Role,
} from '../../domain';
import { updateEnrolment } from '../../storage';
import { RoutePicker } from './RoutePicker';
import { EditorActions } from './EditorActions';
import { useInlineEdit } from './useInlineEdit';
import { PersonSelect } from './PersonSelect';

interface Draft {
  route: string[];
  assessorId: string;
  iqaId: string;
  centre: string;
  registrationNumber: string;
}

const draftOf = (e: Enrolment): Draft => ({
  route: [...e.route],
  assessorId: e.assessorId ?? '',
  iqaId: e.iqaId ?? '',
  centre: e.centre,
  registrationNumber: e.registrationNumber,
});

/**
 * The candidate's route (chosen optional units), assessor, IQA and centre details, changeable after the
 * portfolio was started. The rules-of-combination verdict shows live while units are ticked; saving is one
 * audited write of the enrolment.
 */
export function EnrolmentEditor({
  enrolment,
  spec,
  people,
  decisions = [],
}: {
  enrolment: Enrolment;
  spec: QualificationSpec | null;
  people: Person[];
  decisions?: Decision[];
}) {
  const headingId = useId();
  const edit = useInlineEdit(() => draftOf(enrolment));
  const { draft, setError, saved, toggleRef, toggle, close, save } = edit;
  const name = (id: string | null) =>
    id ? (people.find((p) => p.id === id)?.name ?? 'someone not on this device') : 'none yet';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    setError(null);
    const changes = changesOf(enrolment, draft);
    if (Object.keys(changes).length === 0) return close();
    await save(async () => {
      await updateEnrolment(enrolment, changes, summarise(enrolment, changes, name));
      return 'Route and people saved.';
    });
  }

  const signedOff = new Set(decisions.filter((d) => d.kind === 'unit-signoff').map((d) => d.unitCode));

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Route and people</h2>
      <EnrolmentFacts enrolment={enrolment} name={name} />
      {saved && !draft && <p role="status">{saved}</p>}
      <button ref={toggleRef} type="button" className="secondary" aria-expanded={draft !== null} onClick={toggle}>
        {draft ? 'Close without saving' : 'Edit route and people'}
      </button>
      {draft && (
        <EnrolmentForm
          enrolment={enrolment}
          spec={spec}
          people={people}
          signedOff={signedOff}
          edit={edit}
          onSubmit={(e) => void submit(e)}
        />
      )}
    </section>
  );
}

/** The route, assessor, IQA and centre as saved. */
function EnrolmentFacts({ enrolment, name }: { enrolment: Enrolment; name: (id: string | null) => string }) {
  return (
    <dl className="facts" data-testid="enrolment-facts">
      <div>
        <dt>Route</dt>
        <dd>{enrolment.route.length > 0 ? enrolment.route.join(', ') : 'no units chosen'}</dd>
      </div>
      <div>
        <dt>Assessor</dt>
        <dd>{name(enrolment.assessorId)}</dd>
      </div>
      <div>
        <dt>Internal quality assurer</dt>
        <dd>{name(enrolment.iqaId)}</dd>
      </div>
      {(enrolment.centre || enrolment.registrationNumber) && (
        <div>
          <dt>Centre / registration no.</dt>
          <dd>{[enrolment.centre, enrolment.registrationNumber].filter(Boolean).join(' / ')}</dd>
        </div>
      )}
    </dl>
  );
}

interface EnrolmentFormProps {
  enrolment: Enrolment;
  spec: QualificationSpec | null;
  people: Person[];
  /** Units already signed off: taking one out of the route is warned about. */
  signedOff: Set<string>;
  edit: ReturnType<typeof useInlineEdit<Draft>>;
  onSubmit: (e: FormEvent) => void;
}

/** The open editor: people, centre, route (with its verdict), and Save / Cancel. */
function EnrolmentForm({ enrolment, spec, people, signedOff, edit, onSubmit }: EnrolmentFormProps) {
  const { draft, set, error, saving, close } = edit;
  if (!draft) return null;
  const routeOk = spec ? checkRoute(spec, draft.route).valid : null;
  const droppingSignedOff = enrolment.route.filter((c) => !draft.route.includes(c) && signedOff.has(c));
  return (
    <form className="panel" aria-label="Edit route and people" onSubmit={onSubmit}>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <PersonSelect
        label="Assessor"
        people={holdersOf(people, 'assessor', draft.assessorId)}
        value={draft.assessorId}
        onChange={(v) => set('assessorId', v)}
        noteOf={workingTowards}
      />
      <PersonSelect
        label="Internal quality assurer"
        people={holdersOf(people, 'iqa', draft.iqaId)}
        value={draft.iqaId}
        onChange={(v) => set('iqaId', v)}
      />
      <div className="two-up">
        <label className="field">
          <span>Centre</span>
          <input value={draft.centre} onChange={(e) => set('centre', e.target.value)} />
        </label>
        <label className="field">
          <span>Candidate registration number</span>
          <input value={draft.registrationNumber} onChange={(e) => set('registrationNumber', e.target.value)} />
        </label>
      </div>
      {spec ? (
        <RoutePicker spec={spec} route={draft.route} onChange={(route) => set('route', route)} />
      ) : (
        <p className="meta">
          The route cannot be changed here: this portfolio's qualification spec is not on this device.
        </p>
      )}
      {droppingSignedOff.length > 0 && (
        <p className="alert" role="status">
          {droppingSignedOff.join(', ')} {droppingSignedOff.length === 1 ? 'is' : 'are'} already signed off. Taking{' '}
          {droppingSignedOff.length === 1 ? 'it' : 'them'} out of the route keeps the sign-off and evidence, but{' '}
          {droppingSignedOff.length === 1 ? 'it no longer counts' : 'they no longer count'} towards the route.
        </p>
      )}
      {routeOk !== null && (
        // The verdict again beside Save: on a phone the picker's own verdict has scrolled far out of view.
        // Hidden from screen readers, which already heard the picker's live status.
        <p className={`verdict ${routeOk ? 'ok' : 'not-ok'}`} aria-hidden="true" data-testid="route-verdict-at-save">
          {routeOk ? '✓ The route meets the rules of combination' : '✗ The route does not yet meet the rules'}
        </p>
      )}
      <EditorActions saveLabel="Save route and people" saving={saving} onCancel={close} />
    </form>
  );
}

/** The people who hold `role`; whoever holds the post now stays choosable even if their roles changed since. */
const holdersOf = (people: Person[], role: Role, current: string) =>
  people.filter((p) => p.roles.includes(role) || p.id === current);
const workingTowards = (p: Person) => (p.assessorStatus === 'working-towards' ? ' (working towards)' : '');

type EnrolmentChanges = Partial<Pick<Enrolment, 'route' | 'assessorId' | 'iqaId' | 'centre' | 'registrationNumber'>>;

function changesOf(enrolment: Enrolment, draft: Draft): EnrolmentChanges {
  const changes: EnrolmentChanges = {};
  const sameRoute =
    draft.route.length === enrolment.route.length && draft.route.every((c) => enrolment.route.includes(c));
  if (!sameRoute) changes.route = draft.route;
  if ((draft.assessorId || null) !== enrolment.assessorId) changes.assessorId = draft.assessorId || null;
  if ((draft.iqaId || null) !== enrolment.iqaId) changes.iqaId = draft.iqaId || null;
  if (draft.centre !== enrolment.centre) changes.centre = draft.centre;
  if (draft.registrationNumber !== enrolment.registrationNumber) changes.registrationNumber = draft.registrationNumber;
  return changes;
}

/** What the audit log says about the change, e.g. "route +A11 −B2; assessor Jo Assessor → Sam New". */
function summarise(enrolment: Enrolment, changes: EnrolmentChanges, name: (id: string | null) => string): string {
  const parts: string[] = [];
  if (changes.route) {
    const added = changes.route.filter((c) => !enrolment.route.includes(c));
    const removed = enrolment.route.filter((c) => !changes.route!.includes(c));
    parts.push(`route ${[...added.map((c) => `+${c}`), ...removed.map((c) => `−${c}`)].join(' ')}`);
  }
  if ('assessorId' in changes)
    parts.push(`assessor ${name(enrolment.assessorId)} → ${name(changes.assessorId ?? null)}`);
  if ('iqaId' in changes) parts.push(`IQA ${name(enrolment.iqaId)} → ${name(changes.iqaId ?? null)}`);
  if ('centre' in changes) parts.push('centre');
  if ('registrationNumber' in changes) parts.push('registration number');
  return parts.join('; ');
}
