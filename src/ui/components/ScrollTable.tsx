import type { ReactNode } from 'react';

interface ScrollTableProps {
  /** The region's name, read out when the table is scrolled into with the keyboard. */
  label: string;
  className?: string;
  /** The column headings. */
  columns: ReactNode[];
  /** The rows. */
  children: ReactNode;
}

/** A wide table in a horizontally scrolling region a keyboard user can focus and scroll. */
export function ScrollTable({ label, className = 'units-table', columns, children }: ScrollTableProps) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table className={className}>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
