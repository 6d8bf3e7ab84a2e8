import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ROLES, ROLE_LABELS, TEXT_LIMITS, type Person, type Role } from '../../domain';
import { deletePerson, savePerson } from '../../storage';
import { usePeople } from '../data/hooks';
import { PeopleList } from './people/PeopleList';
import { ShowMore, useShownList } from '../components/ShowMore';
import { CharCount } from '../components/CharCount';
import { useSingleSave } from '../components/useSingleSave';
import {
  DeleteWithConfirm,
  UndoDeletionNote,
  useUndoableDeletion,
  type UndoableDeletion,
} from '../components/DeleteWithUndo';

export function PeoplePage() {
  const people = usePeople();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [edited, setEdited] = useState<string | null>(null);
  const everyoneRef = useRef<HTMLHeadingElement>(null);
  const list = useShownList(people ?? []);
  const editing = people?.find((p) => p.id === editingId);
  const deletions = useUndoableDeletion();
  const closeEditor = (message: string | null) => {
    setEditingId(null);
    setEdited(message);
    everyoneRef.current?.focus();
  };
  return (
    <section>
      <h1>People on this device</h1>
      <p className="lead">Candidates, assessors, quality assurers and witnesses. One device may hold several people.</p>
      <PersonForm />
      <h2 ref={everyoneRef} tabIndex={-1}>
        Everyone
      </h2>
      {edited && <p role="status">{edited}</p>}
      <UndoDeletionNote state={deletions} />
      {people && people.length > 0 ? (
        <>
          <PeopleList
            people={list.visible}
            editingId={editingId}
            onEdit={(id) => {
              setEdited(null);
              setEditingId(editingId === id ? null : id);
            }}
          />
          <ShowMore list={list} />
        </>
      ) : (
        <p>No one yet.</p>
      )}
      {editing && (
        <EditPerson
          person={editing}
          deletions={deletions}
          onSaved={(name) => closeEditor(`${name} saved.`)}
          onClose={() => closeEditor(null)}
        />
      )}
    </section>
  );
}

interface EditPersonProps {
  person: Person;
  deletions: UndoableDeletion;
  onSaved: (name: string) => void;
  onClose: () => void;
}

/** The editor of one person, with the way to delete them (asked first, undone from the list above). */
function EditPerson({ person, deletions, onSaved, onClose }: EditPersonProps) {
  return (
    <>
      <PersonForm key={person.id} person={person} onSaved={(_id, name) => onSaved(name)} onCancel={onClose} />
      <DeleteWithConfirm
        key={`delete-${person.id}`}
        action={`Delete ${person.name}`}
        consequence={`Delete ${person.name} from the people on this device? Other devices learn of it in bundles. You can undo it while this page is open.`}
        onConfirm={() => deletions.remove(() => deletePerson(person.id)).then(onClose)}
      />
    </>
  );
}

type AssessorStatus = 'qualified' | 'working-towards';

/** What the person form edits. */
interface PersonDraft {
  name: string;
  roles: Role[];
  centre: string;
  registrationNumber: string;
  jobTitle: string;
  email: string;
  assessorStatus: AssessorStatus;
}

const draftOf = (person: Person | undefined, defaultRole: Role | undefined): PersonDraft => ({
  name: person?.name ?? '',
  roles: person ? [...person.roles] : defaultRole ? [defaultRole] : [],
  centre: person?.centre ?? '',
  registrationNumber: person?.registrationNumber ?? '',
  jobTitle: person?.jobTitle ?? '',
  email: person?.email ?? '',
  assessorStatus: person?.assessorStatus === 'working-towards' ? 'working-towards' : 'qualified',
});

/** Adds a person, or, given `person`, edits that person (one audited write of the same record). */
export function PersonForm({
  defaultRole,
  person,
  onSaved,
  onCancel,
}: {
  defaultRole?: Role;
  person?: Person;
  onSaved?: (id: string, name: string) => void;
  onCancel?: () => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(person, defaultRole));
  const set = <K extends keyof PersonDraft>(key: K, value: PersonDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { saving, saveOnce } = useSingleSave();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const editing = person !== undefined;
  const title = editing ? `Edit ${person.name}` : 'Add a person';
  // Opening an editor moves focus to it, so keyboard and screen-reader users land where the change happens.
  useEffect(() => {
    if (editing) headingRef.current?.focus();
  }, [editing]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    // This form also sits inside the new-portfolio form: its submit is its own, not the enclosing form's.
    e.stopPropagation();
    setError(null);
    const { name, roles, email, assessorStatus } = draft;
    if (!name.trim()) return setError('Enter a name.');
    if (roles.length === 0) return setError('Choose at least one role.');
    await saveOnce(async () => {
      const stored = await savePerson({
        ...(person ? { id: person.id } : {}),
        ...draft,
        name: name.trim(),
        email: email.trim(),
        assessorStatus: roles.includes('assessor') ? assessorStatus : 'not-applicable',
      });
      if (!editing) {
        // A fresh form for the next person: nothing of this one (roles above all) carries over.
        setDraft(draftOf(undefined, defaultRole));
        setSaved(`Added ${stored.name}`);
      }
      onSaved?.(stored.id, stored.name);
    }).catch((err: Error) => setError(err.message));
  }

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-label={title}>
      <h2 ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <PersonFields draft={draft} set={set} />
      <div className="actions">
        <button type="submit" disabled={saving}>
          {editing ? 'Save changes' : 'Add person'}
        </button>
        {editing ? (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : (
          // Next to the button, where the eye is after the tap.
          <p role="status" className="saved-note">
            {saved}
          </p>
        )}
      </div>
    </form>
  );
}

interface PersonFieldsProps {
  draft: PersonDraft;
  set: <K extends keyof PersonDraft>(key: K, value: PersonDraft[K]) => void;
}

/** Name, roles (and, for an assessor, their qualification), job, centre, registration number and email. */
function PersonFields({ draft, set }: PersonFieldsProps) {
  return (
    <>
      <label className="field">
        <span>Name</span>
        <input
          value={draft.name}
          onChange={(e) => set('name', e.target.value)}
          autoComplete="name"
          maxLength={TEXT_LIMITS.name}
          required
        />
        <CharCount value={draft.name} max={TEXT_LIMITS.name} />
      </label>
      <fieldset className="field">
        <legend>Roles</legend>
        {ROLES.map((r) => (
          <label key={r} className="inline">
            <input
              type="checkbox"
              checked={draft.roles.includes(r)}
              onChange={(e) =>
                set('roles', e.target.checked ? [...draft.roles, r] : draft.roles.filter((x) => x !== r))
              }
            />
            {ROLE_LABELS[r]}
          </label>
        ))}
      </fieldset>
      {draft.roles.includes('assessor') && (
        <label className="field">
          <span>Assessor qualification</span>
          <select
            value={draft.assessorStatus}
            onChange={(e) => set('assessorStatus', e.target.value as AssessorStatus)}
          >
            <option value="qualified">Qualified assessor</option>
            <option value="working-towards">Working towards (sign-offs need countersigning)</option>
          </select>
        </label>
      )}
      <label className="field">
        <span>Job title / relationship to candidate</span>
        <input value={draft.jobTitle} onChange={(e) => set('jobTitle', e.target.value)} maxLength={TEXT_LIMITS.name} />
        <CharCount value={draft.jobTitle} max={TEXT_LIMITS.name} />
      </label>
      <label className="field">
        <span>Centre</span>
        <input value={draft.centre} onChange={(e) => set('centre', e.target.value)} maxLength={TEXT_LIMITS.name} />
        <CharCount value={draft.centre} max={TEXT_LIMITS.name} />
      </label>
      <label className="field">
        <span>Registration number</span>
        <input
          value={draft.registrationNumber}
          onChange={(e) => set('registrationNumber', e.target.value)}
          maxLength={TEXT_LIMITS.name}
        />
        <CharCount value={draft.registrationNumber} max={TEXT_LIMITS.name} />
      </label>
      <label className="field">
        <span>Email</span>
        <input
          type="email"
          value={draft.email}
          onChange={(e) => set('email', e.target.value)}
          autoComplete="off"
          maxLength={TEXT_LIMITS.email}
        />
        <CharCount value={draft.email} max={TEXT_LIMITS.email} />
      </label>
    </>
  );
}
