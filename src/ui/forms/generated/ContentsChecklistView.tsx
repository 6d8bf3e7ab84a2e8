// Form 3, the contents checklist: each part of the portfolio with its tick and section number.
import type { ContentsChecklist, ContentsItem } from '../../../domain';
import { columnsOf, ScrollRegion, SheetHeader, Tick } from './sheet';

function ContentsRows({ item }: { item: ContentsItem }) {
  return (
    <>
      <tr>
        <th scope="row">
          {item.label}
          {item.detail && <span className="sheet-sub">{item.detail}</span>}
        </th>
        <td className="tick">{item.children.length === 0 && <Tick on={item.completed} />}</td>
        <td>{item.children.length === 0 && item.section}</td>
      </tr>
      {item.children.map((c) => (
        <tr key={c.label} className="sub-item">
          <th scope="row">
            <span aria-hidden="true">· </span>
            {c.label}
            {c.detail && <span className="sheet-sub">{c.detail}</span>}
          </th>
          <td className="tick">
            <Tick on={c.completed} />
          </td>
          <td>{c.section}</td>
        </tr>
      ))}
    </>
  );
}

export function ContentsChecklistView({ list }: { list: ContentsChecklist }) {
  const cols = columnsOf('contents-checklist', 'items');
  return (
    <>
      <SheetHeader
        label="Contents checklist: qualification and candidate"
        rows={[
          ['SVQ title', list.svqTitle],
          ['Candidate', list.candidate],
        ]}
      />
      <ScrollRegion label="Contents checklist table">
        <table className="sheet-table sheet-grid">
          <thead>
            <tr>
              {cols.map((c, i) => (
                <th key={c.key} scope="col">
                  {i === 0 ? <span className="visually-hidden">{c.label}</span> : c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <ContentsRows key={item.label} item={item} />
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
