// Everyone on the device: a table on wide screens, one card per person on a phone (where the table's Edit buttons
// sat off-screen).
import { ROLE_LABELS, type Person } from '../../../domain';
import { ScrollTable } from '../../components/ScrollTable';
import { useNarrowScreen } from '../../components/useNarrowScreen';

const ASSESSOR_STATUS_TEXT: Record<Person['assessorStatus'], string> = {
  'not-applicable': '',
  qualified: 'Qualified',
  'working-towards': 'Working towards (needs countersigning)',
};

const rolesOf = (p: Person) => p.roles.map((r) => ROLE_LABELS[r]).join(', ');

interface PeopleListProps {
  people: Person[];
  editingId: string | null;
  onEdit: (id: string) => void;
}

function EditButton({ person, editingId, onEdit }: { person: Person } & Omit<PeopleListProps, 'people'>) {
  return (
    <button
      type="button"
      className="secondary small"
      aria-label={`Edit ${person.name}`}
      aria-expanded={editingId === person.id}
      onClick={() => onEdit(person.id)}
    >
      Edit
    </button>
  );
}

export function PeopleList({ people, editingId, onEdit }: PeopleListProps) {
  const narrow = useNarrowScreen();
  if (narrow)
    return (
      <ul className="person-cards" aria-label="People">
        {people.map((p) => (
          <li key={p.id} className="card person-card">
            <h3>{p.name}</h3>
            <p>{rolesOf(p)}</p>
            {p.assessorStatus !== 'not-applicable' && <p className="meta">{ASSESSOR_STATUS_TEXT[p.assessorStatus]}</p>}
            {(p.centre || p.registrationNumber) && (
              <p className="meta">
                {[p.centre, p.registrationNumber && `Reg. ${p.registrationNumber}`].filter(Boolean).join(' · ')}
              </p>
            )}
            <EditButton person={p} editingId={editingId} onEdit={onEdit} />
          </li>
        ))}
      </ul>
    );
  return (
    <ScrollTable
      label="People"
      columns={[
        'Name',
        'Roles',
        'Centre',
        'Registration no.',
        'Assessor status',
        <span className="visually-hidden">Change</span>,
      ]}
    >
      {people.map((p) => (
        <tr key={p.id}>
          <th scope="row">{p.name}</th>
          <td>{rolesOf(p)}</td>
          <td>{p.centre}</td>
          <td>{p.registrationNumber}</td>
          <td>{ASSESSOR_STATUS_TEXT[p.assessorStatus]}</td>
          <td>
            <EditButton person={p} editingId={editingId} onEdit={onEdit} />
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}
