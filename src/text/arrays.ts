/**
 * Array helpers that take any number of items. Spreading an array into a call
 * (`push(...items)`, `Math.max(...values)`) passes each item as an argument on
 * the stack, and an article can hold more items than the stack has room for:
 * a list of 130 000 entries, a `<pre>` of 150 000 lines.
 */

/** Appends every item of `items` to `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values`, or `floor` when none is larger (or there are none). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}
