import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ROLES, ROLE_LABELS, type Person, type Role } from '../../domain';
import { savePerson } from '../../storage';
import { usePeople } from '../data/hooks';

export function PeoplePage() {
  const people = usePeople();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [edited, setEdited] = useState<string | null>(null);
  const everyoneRef = useRef<HTMLHeadingElement>(null);
  const editing = people?.find((p) => p.id === editingId);
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
      {people && people.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="People">
          <table className="units-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Roles</th>
                <th scope="col">Centre</th>
                <th scope="col">Registration no.</th>
                <th scope="col">Assessor status</th>
                <th scope="col">
                  <span className="visually-hidden">Change</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{p.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
                  <td>{p.centre}</td>
                  <td>{p.registrationNumber}</td>
                  <td>{p.assessorStatus === 'not-applicable' ? '' : p.assessorStatus === 'qualified' ? 'Qualified' : 'Working towards (needs countersigning)'}</td>
                  <td>
                    <button
                      type="button"
                      className="secondary small"
                      aria-label={`Edit ${p.name}`}
                      aria-expanded={editingId === p.id}
                      onClick={() => {
                        setEdited(null);
                        setEditingId(editingId === p.id ? null : p.id);
                      }}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No one yet.</p>
      )}
      {editing && <PersonForm key={editing.id} person={editing} onSaved={(_id, name) => closeEditor(`${name} saved.`)} onCancel={() => closeEditor(null)} />}
    </section>
  );
}

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
  const [name, setName] = useState(person?.name ?? '');
  const [roles, setRoles] = useState<Role[]>(person ? [...person.roles] : defaultRole ? [defaultRole] : []);
  const [centre, setCentre] = useState(person?.centre ?? '');
  const [registrationNumber, setRegistrationNumber] = useState(person?.registrationNumber ?? '');
  const [jobTitle, setJobTitle] = useState(person?.jobTitle ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  const [assessorStatus, setAssessorStatus] = useState<'qualified' | 'working-towards'>(person?.assessorStatus === 'working-towards' ? 'working-towards' : 'qualified');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const editing = person !== undefined;
  const title = editing ? `Edit ${person.name}` : 'Add a person';
  // Opening an editor moves focus to it, so keyboard and screen-reader users land where the change happens.
  useEffect(() => {
    if (editing) headingRef.current?.focus();
  }, [editing]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!name.trim()) return setError('Enter a name.');
    if (roles.length === 0) return setError('Choose at least one role.');
    try {
      const stored = await savePerson({
        ...(person ? { id: person.id } : {}),
        name: name.trim(),
        roles,
        centre,
        registrationNumber,
        jobTitle,
        email: email.trim(),
        assessorStatus: roles.includes('assessor') ? assessorStatus : 'not-applicable',
      });
      if (editing) return onSaved?.(stored.id, stored.name);
      setSaved(`${stored.name} added.`);
      setName('');
      onSaved?.(stored.id, stored.name);
    } catch (err) {
      setError((err as Error).message);
    }
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
      {saved && <p role="status">{saved}</p>}
      <label className="field">
        <span>Name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" required />
      </label>
      <fieldset className="field">
        <legend>Roles</legend>
        {ROLES.map((r) => (
          <label key={r} className="inline">
            <input
              type="checkbox"
              checked={roles.includes(r)}
              onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
            />
            {ROLE_LABELS[r]}
          </label>
        ))}
      </fieldset>
      {roles.includes('assessor') && (
        <label className="field">
          <span>Assessor qualification</span>
          <select value={assessorStatus} onChange={(e) => setAssessorStatus(e.target.value as 'qualified' | 'working-towards')}>
            <option value="qualified">Qualified assessor</option>
            <option value="working-towards">Working towards (sign-offs need countersigning)</option>
          </select>
        </label>
      )}
      <label className="field">
        <span>Job title / relationship to candidate</span>
        <input value={jobTitle} onChange={(e) => setJobTitle(e.target.value)} />
      </label>
      <label className="field">
        <span>Centre</span>
        <input value={centre} onChange={(e) => setCentre(e.target.value)} />
      </label>
      <label className="field">
        <span>Registration number</span>
        <input value={registrationNumber} onChange={(e) => setRegistrationNumber(e.target.value)} />
      </label>
      <label className="field">
        <span>Email</span>
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
      </label>
      {editing ? (
        <div className="actions">
          <button type="submit">Save changes</button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="submit">Add person</button>
      )}
    </form>
  );
}
