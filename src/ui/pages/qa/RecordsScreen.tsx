// The shape the centre's record screens share (standardisation, CPD, appeals): a button to add a record, its editor
// in place of the button while one is being added or edited, controls such as a filter, and the records as cards,
// each with its Edit button.
import { Fragment, useState, type ReactNode } from 'react';
import { QaScreen } from './common';

interface RecordsScreenProps<R extends { id: string }> {
  title: string;
  /** undefined while loading. */
  records: R[] | undefined;
  addText: string;
  listLabel: string;
  /** Said instead of the list when there are no records; the list is shown empty when not given. */
  emptyText?: string;
  /** Above the list: filters, totals. */
  controls?: ReactNode;
  /** The add (record null) or edit form; `done` goes back to the list. */
  editor: (record: R | null, done: () => void) => ReactNode;
  /** A card's contents; its Edit button follows them. */
  card: (record: R) => ReactNode;
  /** The Edit button's accessible name, naming the record. */
  editLabel: (record: R) => string;
}

export function RecordsScreen<R extends { id: string }>(props: RecordsScreenProps<R>) {
  const { title, records, addText, listLabel, emptyText, controls, editor, card, editLabel } = props;
  const [editing, setEditing] = useState<R | 'new' | null>(null);
  if (!records) return <p role="status">Loading…</p>;
  const done = () => setEditing(null);
  return (
    <QaScreen title={title}>
      {editing ? (
        <Fragment key={editing === 'new' ? 'new' : editing.id}>
          {editor(editing === 'new' ? null : editing, done)}
        </Fragment>
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          {addText}
        </button>
      )}
      {controls}
      {records.length === 0 && emptyText ? (
        <p>{emptyText}</p>
      ) : (
        <ul className="card-list" aria-label={listLabel}>
          {records.map((r) => (
            <li key={r.id} className="card">
              {card(r)}
              <button type="button" className="secondary" onClick={() => setEditing(r)} aria-label={editLabel(r)}>
                Edit
              </button>
            </li>
          ))}
        </ul>
      )}
    </QaScreen>
  );
}
