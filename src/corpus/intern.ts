/**
 * One shared copy of values that repeat across thousands of articles — the
 * same categories, authors, tags and leftover front matter in every item of a
 * feed. Shared values are never mutated.
 */
const shared = new Map<string, unknown>();
const LIMIT = 200_000;

export function shareValue<T>(value: T): T {
  if (typeof value !== 'string' && !isPlainData(value, 64)) return value;
  const key = typeof value === 'string' ? `s${value}` : `j${JSON.stringify(value)}`;
  if (key.length > 512) return value;
  const known = shared.get(key);
  if (known !== undefined) return known as T;
  if (shared.size >= LIMIT) shared.clear();
  shared.set(key, value);
  return value;
}

/**
 * True for a tree of plain data of at most `limit` values, counted before it
 * is spelled out: front matter can alias itself into a structure too large
 * (or looped) to print. Iterative, so depth costs no stack. An object met
 * twice counts as a loop: shared aliases are what blow up.
 */
export function isPlainData(value: unknown, limit: number): boolean {
  const pending: unknown[] = [value];
  const seen = new Set<object>();
  let count = 0;
  while (pending.length > 0) {
    const item = pending.pop();
    if (++count > limit) return false;
    if (item === null || typeof item !== 'object') {
      if (typeof item === 'bigint' || typeof item === 'function' || typeof item === 'symbol')
        return false;
      continue;
    }
    if (seen.has(item)) return false;
    seen.add(item);
    for (const child of Object.values(item)) pending.push(child);
  }
  return true;
}
