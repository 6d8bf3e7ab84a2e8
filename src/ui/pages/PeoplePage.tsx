import { useState, type FormEvent } from 'react';
import { ROLES, ROLE_LABELS, type Role } from '../../domain';
import { savePerson } from '../../storage/repo';
import { usePeople } from '../data/hooks';

export function PeoplePage() {
  const people = usePeople();
  return (
    <section>
      <h1>People on this device</h1>
      <p className="lead">Candidates, assessors, quality assurers and witnesses. One device may hold several people.</p>
      <PersonForm />
      <h2>Everyone</h2>
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No one yet.</p>
      )}
    </section>
  );
}

export function PersonForm({ defaultRole, onSaved }: { defaultRole?: Role; onSaved?: (id: string) => void }) {
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>(defaultRole ? [defaultRole] : []);
  const [centre, setCentre] = useState('');
  const [registrationNumber, setRegistrationNumber] = useState('');
  const [jobTitle, setJobTitle] = useState('');
  const [assessorStatus, setAssessorStatus] = useState<'qualified' | 'working-towards'>('qualified');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!name.trim()) return setError('Enter a name.');
    if (roles.length === 0) return setError('Choose at least one role.');
    try {
      const person = await savePerson({
        name: name.trim(),
        roles,
        centre,
        registrationNumber,
        jobTitle,
        assessorStatus: roles.includes('assessor') ? assessorStatus : 'not-applicable',
      });
      setSaved(`${person.name} added.`);
      setName('');
      onSaved?.(person.id);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-label="Add a person">
      <h2>Add a person</h2>
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
      <button type="submit">Add person</button>
    </form>
  );
}
