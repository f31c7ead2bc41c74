import { Fragment, type HTMLAttributes, type ReactNode } from 'react';
import type { ListPage, PagedState } from './paged-list';
import { Notice } from './Shell';

/** A column of a list table: its head, and its cell of a row (or none, when the page draws its rows). */
export interface Column<T> {
  head: ReactNode;
  cell?: (row: T) => ReactNode;
  /** The cell's class (e.g. admin-details, admin-actions). */
  className?: string;
  /** Left out (a column only some readers see). */
  hidden?: boolean;
}

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | number | boolean | undefined>;

/**
 * A list page's table, written once: "no rows" once the list has answered (not while it loads, not
 * when it failed), the table of rows, and the button for the next page. The page shows its own
 * errors (they also come from its actions) and its own filters.
 */
export function PagedTable<T>({
  list,
  columns,
  rowKey,
  rowProps,
  renderRow,
  testId,
  empty,
  failed = list.error !== null,
  loading,
  more,
}: {
  list: Pick<PagedState<T, ListPage<T>>, 'items' | 'next' | 'loading' | 'settled'> & { error: string | null; more?: () => void };
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
  /** Each row's attributes (data-testid, class…). */
  rowProps?: (row: T) => RowAttributes;
  /** A row the page draws itself (one with its own state); the columns then give only the heads. */
  renderRow?: (row: T) => ReactNode;
  /** The table's data-testid. */
  testId?: string;
  /** What stands for no rows (nothing by default). */
  empty?: ReactNode;
  /** Whether "no rows" is left out (by default: when the list failed). */
  failed?: boolean;
  /** What stands while the list loads the first time (nothing by default). */
  loading?: ReactNode;
  /** The next page's button: its words and data-testid. */
  more?: { label: ReactNode; testId?: string };
}) {
  const shown = columns.filter((c) => !c.hidden);
  return (
    <>
      {loading && list.loading && !list.settled && <Notice kind="loading">{loading}</Notice>}
      {empty && list.settled && !failed && list.items.length === 0 && <p className="muted">{empty}</p>}
      {list.items.length > 0 && (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid={testId}>
            <thead>
              <tr>
                {shown.map((c, i) => (
                  <th key={i}>{c.head}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.items.map((row) =>
                renderRow ? (
                  <Fragment key={rowKey(row)}>{renderRow(row)}</Fragment>
                ) : (
                  <tr key={rowKey(row)} {...rowProps?.(row)}>
                    {shown.map((c, i) => (
                      <td key={i} className={c.className}>
                        {c.cell?.(row)}
                      </td>
                    ))}
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      {more && list.next && list.more && (
        <button type="button" className="button" disabled={list.loading} onClick={list.more} data-testid={more.testId}>
          {more.label}
        </button>
      )}
    </>
  );
}
