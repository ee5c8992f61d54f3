/** Edit distance (insertions, deletions, substitutions), for "did you mean" suggestions. */
export function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** The candidate closest to `name`: same letters in another case first, then the smallest edit distance within reach. */
export function nearest(name: string, candidates: readonly string[]): string | undefined {
  const sameCase = candidates.find((c) => c.toLowerCase() === name.toLowerCase());
  if (sameCase) return sameCase;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = levenshtein(c.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  // Beyond a third of the name, a suggestion is a guess, not a correction.
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
