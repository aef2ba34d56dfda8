import { type RefObject, useEffect, useState } from 'react';

/**
 * A list of rows an editor changes before saving (candidates, funding sources, grant rules),
 * each with a stable `key`. Adding a row moves focus to the control named by `focusId` once it is
 * drawn; removing one moves focus to the editor's heading. Both forget the server's last
 * refusals (`onReshaped`): they name rows by position, which the change shifted.
 */
export function useDraftList<T extends { key: string }>(options: {
  initial: () => T[];
  onReshaped: () => void;
  headingRef: RefObject<HTMLElement | null>;
}) {
  const [items, setItems] = useState(options.initial);
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);
  return {
    items,
    /** Replaces every row (a reload from the server). */
    reset: (rows: T[]) => setItems(rows),
    change: (key: string, edit: (row: T) => T) =>
      setItems((all) => all.map((row) => (row.key === key ? edit(row) : row))),
    add: (row: T, focusId: string) => {
      setItems((all) => [...all, row]);
      setFocusId(focusId);
      options.onReshaped();
    },
    remove: (key: string) => {
      setItems((all) => all.filter((row) => row.key !== key));
      options.onReshaped();
      options.headingRef.current?.focus();
    },
  };
}

/** Dollars over the years of a row being edited; a box still empty (NaN) counts as nothing yet. */
export function sumOfYears(amounts: readonly number[]): number {
  return amounts.reduce((sum, amount) => sum + (Number.isNaN(amount) ? 0 : amount), 0);
}
