/**
 * Which optional details a content gate switches on, render by render. With few optional
 * details every subset is tried; beyond that, a pairwise set: for every two details, each of
 * the four on/off pairs appears in some render, which is where sentences break (a word that
 * needs the detail before it, a fallback that repeats the next one).
 */

/** Every subset of `items`, the empty one first, each in the order of `items`. */
export function allSubsets<T>(items: readonly T[]): T[][] {
  const subsets: T[][] = [];
  for (let mask = 0; mask < 2 ** items.length; mask += 1) {
    subsets.push(items.filter((_, i) => (mask & (1 << i)) !== 0));
  }
  return subsets;
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i += 1) result = (result * (n - k + i)) / i;
  return Math.round(result);
}

/** The k-bit words with a 0 first bit and exactly `weight` ones, in counting order. */
function columns(k: number, weight: number): boolean[][] {
  const found: boolean[][] = [];
  for (let mask = 0; mask < 2 ** (k - 1); mask += 1) {
    const bits = Array.from({ length: k - 1 }, (_, i) => (mask & (1 << i)) !== 0);
    if (bits.filter(Boolean).length === weight) found.push([false, ...bits]);
  }
  return found;
}

/**
 * A pairwise covering set of subsets, built from binary words (Kleitman and Spencer, 1973):
 * give each item its own k-bit word with a 0 first bit and ceil(k/2) ones; row r switches on
 * the items whose word has a 1 at r. Row 0 has every item off (off/off); two different words of
 * the same weight each have a 1 where the other has a 0 (on/off, off/on); and two sets of
 * ceil(k/2) ones among k - 1 places must share one (on/on). The all-on row is added too.
 */
export function pairwiseSubsets<T>(items: readonly T[]): T[][] {
  if (items.length < 2) return allSubsets(items);
  let k = 2;
  while (binomial(k - 1, Math.ceil(k / 2)) < items.length) k += 1;
  const words = columns(k, Math.ceil(k / 2)).slice(0, items.length);
  const rows = Array.from({ length: k }, (_, r) => items.filter((_, i) => words[i]?.[r] === true));
  return [...rows, [...items]];
}

/**
 * All subsets up to `limit` items (8 by default). Beyond that, the pairwise set plus each item
 * alone and all but each one, so every detail is also seen on its own and missing on its own.
 */
export function optionalSubsets<T>(items: readonly T[], limit = 8): T[][] {
  if (items.length <= limit) return allSubsets(items);
  return [
    ...pairwiseSubsets(items),
    ...items.map((item) => [item]),
    ...items.map((item) => items.filter((other) => other !== item)),
  ];
}
