/**
 * The one of `names` that `word` was most likely meant as: within two edits
 * (a letter added, left out, changed, or two swapped), and fewer than half its
 * letters; undefined when none is that near.
 */
export function nearest(word: string, names: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor((typed.length - 1) / 2));
  for (const name of names) {
    const distance = edits(typed, name.toLowerCase());
    if (distance <= bestDistance && (best === undefined || distance < edits(typed, best))) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** Edits from `a` to `b`, a swap of neighbours counted as one (optimal string alignment). */
function edits(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  return rows[a.length]![b.length]!;
}
