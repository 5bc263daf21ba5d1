/**
 * True when every article matching `after` also matches `before`: the same
 * words, the last perhaps longer and of the same field, perhaps more words,
 * and nothing (a `-`, a date, a quote) that could let more through.
 */
export function onlyNarrows(before: string, after: string): boolean {
  if (/(^|\s)-|after:|before:|"/i.test(after)) return false;
  const old = before.trim().split(/\s+/).filter(Boolean);
  const now = after.trim().split(/\s+/).filter(Boolean);
  if (old.length === 0 || old.length > now.length) return false;
  const field = (token: string) => /^([a-z]+):/i.exec(token)?.[1]?.toLowerCase() ?? '';
  const last = old.length - 1;
  return old.every((token, i) =>
    i < last
      ? token === now[i]
      : now[i]!.startsWith(token) &&
        field(now[i]!) === field(token) &&
        (field(token) !== '' || !now[i]!.includes(':')),
  );
}
