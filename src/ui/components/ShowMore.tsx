// Long lists rendered a page at a time: a portfolio or a device can hold thousands of items, and rendering them
// all at once would make the screen slow to open (100,000 records froze it for minutes).
import { useState, type ReactNode } from 'react';

/** Items shown at first, and added by each "Show more". */
export const LIST_PAGE = 50;

export interface ShownList<T> {
  /** The items to render now: the first pages. */
  visible: T[];
  total: number;
  page: number;
  showMore: () => void;
}

/** The first page of `items`, growing a page at each showMore. */
export function useShownList<T>(items: readonly T[], page = LIST_PAGE): ShownList<T> {
  const [shown, setShown] = useState(page);
  return { visible: items.slice(0, shown), total: items.length, page, showMore: () => setShown((n) => n + page) };
}

/**
 * "Showing 50 of 1,234" and a button for the next page. Said only when the list is longer than a page, unless
 * `always` (a list whose count matters even when short, e.g. a search's matches); `children` add to the sentence.
 */
export function ShowMore({
  list,
  always = false,
  children,
}: {
  list: ShownList<unknown>;
  always?: boolean;
  children?: ReactNode;
}) {
  const remaining = list.total - list.visible.length;
  if (!always && list.total <= list.page) return null;
  return (
    <p className="meta" role="status">
      Showing {list.visible.length} of {list.total}
      {children}.{' '}
      {remaining > 0 && (
        <button type="button" className="secondary small" onClick={list.showMore}>
          Show {Math.min(list.page, remaining)} more
        </button>
      )}
    </p>
  );
}
