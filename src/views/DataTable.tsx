import type { CSSProperties, ReactNode } from 'react';

export interface DataTableProps {
  className: string;
  testid?: string;
  caption?: ReactNode;
  /** the column headings, one header row of `<th scope="col">` */
  columns?: readonly ReactNode[];
  /** header rows written out instead, for a header that spans rows or columns */
  headRows?: ReactNode;
  /**
   * When set, the table scrolls in its own box on a narrow screen: a region with this label that
   * takes focus, so that keys scroll it too.
   */
  scrollLabel?: string;
  scrollStyle?: CSSProperties;
  /** the body rows */
  children: ReactNode;
}

/** The markup every table of the lesson and the experiments shares: caption, header, body rows. */
export function DataTable({ className, testid, caption, columns, headRows, scrollLabel, scrollStyle, children }: DataTableProps) {
  const table = (
    <table className={className} data-testid={testid}>
      {caption !== undefined ? <caption>{caption}</caption> : null}
      <thead>
        {headRows ?? (
          <tr>
            {columns?.map((c, i) => (
              <th key={i} scope="col">
                {c}
              </th>
            ))}
          </tr>
        )}
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  if (scrollLabel === undefined) return table;
  return (
    <div className="lesson-table-scroll" role="region" aria-label={scrollLabel} tabIndex={0} style={scrollStyle}>
      {table}
    </div>
  );
}
