/**
 * One shared copy of values that repeat across thousands of articles — the
 * same categories, authors, tags and leftover front matter in every item of a
 * feed. Shared values are never mutated.
 */
const shared = new Map<string, unknown>();
const LIMIT = 200_000;

export function shareValue<T>(value: T): T {
  if (typeof value !== 'string' && !isSmallData(value)) return value;
  const key = typeof value === 'string' ? `s${value}` : `j${JSON.stringify(value)}`;
  if (key.length > 512) return value;
  const known = shared.get(key);
  if (known !== undefined) return known as T;
  if (shared.size >= LIMIT) shared.clear();
  shared.set(key, value);
  return value;
}

/**
 * True for a small tree of plain data: counted before it is spelled out, since
 * front matter can alias itself into a structure too large (or looped) to print.
 */
function isSmallData(value: unknown, budget = { nodes: 64 }, seen = new Set<object>()): boolean {
  if (--budget.nodes < 0) return false;
  if (value === null || typeof value !== 'object')
    return typeof value !== 'bigint' && typeof value !== 'function';
  if (seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).every((item) => isSmallData(item, budget, seen));
}
