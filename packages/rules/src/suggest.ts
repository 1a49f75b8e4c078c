/**
 * "Did you mean": the closest known name to a misspelt one, by edit distance (with adjacent swaps, since
 * `taxdI` is a typo of `taxId`) over every name the writer could have meant — English paths and Chinese
 * platform names alike.
 */

/** Optimal-string-alignment distance between two strings (insert, delete, substitute, swap neighbours). */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > 8) return Math.abs(x.length - y.length);
  let before: number[] = [];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[y.length]!;
}

/**
 * The candidate closest to `name`, if close enough to be a plausible typo: a case-insensitive match first,
 * then the smallest edit distance within a third of the name's length (at least 1, at most 3).
 * @example
 * suggest("buyer.taxid", ["buyer.taxId", "seller.taxId"]) // "buyer.taxId"
 * suggest("购买方纳税识别号", ["购买方纳税人识别号"])          // "购买方纳税人识别号"
 */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(Array.from(name).length / 3)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate.toLowerCase() === lower) return candidate;
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
