import type { ReactNode } from 'react';

export interface TableColumn {
  label: ReactNode;
  /** Right-aligned figures. */
  numeric?: boolean;
  /** Hidden on narrow screens (the table stays readable without it). */
  wide?: boolean;
}

/** The header row of a data table: every column a `th scope="col"`, figures right-aligned. */
export function TableHead({ columns }: { columns: readonly (TableColumn | null)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, i) =>
          column ? (
            <th key={i} scope="col" className={[column.numeric ? 'num' : '', column.wide ? 'hide-narrow' : ''].join(' ').trim() || undefined}>
              {column.label}
            </th>
          ) : null,
        )}
      </tr>
    </thead>
  );
}
