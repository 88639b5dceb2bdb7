// At most so many findings per file and rule: a file of a million matches must not cost the
// memory (or the report) of a million findings. The first MAX_LISTED_PER_RULE are listed; the
// next stands for itself and all the rest, saying how many (`notListed`).

export const MAX_LISTED_PER_RULE = 1000;

export interface Capped<T> {
  /** The items listed, in order: the first of each key's, then its summary. */
  listed: T[];
  /** Per summary item: how many items of its key it stands for, itself included. */
  notListed: Map<T, number>;
}

/** `keyOf` says which count an item is in; undefined: an item never capped (a registered key). */
export function capListed<T>(items: Iterable<T>, keyOf: (item: T) => string | number | undefined): Capped<T> {
  const listed: T[] = [];
  const notListed = new Map<T, number>();
  const counts = new Map<string | number, number>();
  const summaries = new Map<string | number, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) {
      listed.push(item);
      continue;
    }
    const summary = summaries.get(key);
    if (summary !== undefined) {
      notListed.set(summary, notListed.get(summary)! + 1);
      continue;
    }
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count > MAX_LISTED_PER_RULE) {
      summaries.set(key, item);
      notListed.set(item, 1);
    }
    listed.push(item);
  }
  return { listed, notListed };
}

/** A summary finding's description: the rule's, and what it stands for. */
export function summaryDescription(description: string, notListed: number): string {
  return `${description}: ${notListed} more in this file from here on, not listed (at most ${MAX_LISTED_PER_RULE} per file and rule)`;
}
