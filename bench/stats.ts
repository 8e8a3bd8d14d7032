/** Small statistics for the benchmark: medians, percentiles and a linearity verdict. */

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? NaN;
}

export interface Point {
  readonly n: number;
  readonly value: number;
  /** How far repeated runs of this point spread (max - min); 0 or absent when measured once. */
  readonly spread?: number;
}

export interface Interval {
  readonly from: number;
  readonly to: number;
  /** Extra cost per extra template, e.g. ms per template. */
  readonly perItem: number;
  /** The difference between the two sizes is no bigger than their runs' spread. */
  readonly withinNoise: boolean;
}

export interface Growth {
  readonly marginal: readonly Interval[];
  readonly verdict: string;
}

/**
 * Whether a cost grows linearly with N. A fixed start-up cost hides growth in "per page"
 * figures, so this compares marginal costs: linear growth keeps the cost of each extra template
 * flat; superlinear growth makes it rise from one interval to the next. On a noisy shared
 * machine, anything from 2/3 to 1.5 times counts as flat, and an interval whose difference is
 * within the runs' own spread gives no verdict at all rather than a made-up one.
 */
export function growth(points: readonly Point[]): Growth {
  const sorted = [...points].sort((a, b) => a.n - b.n);
  const marginal = sorted.slice(1).map((point, i): Interval => {
    const previous = sorted[i] ?? point;
    const difference = point.value - previous.value;
    return {
      from: previous.n,
      to: point.n,
      perItem: difference / (point.n - previous.n),
      withinNoise: Math.abs(difference) <= (point.spread ?? 0) + (previous.spread ?? 0),
    };
  });
  const first = marginal[0];
  const last = marginal.at(-1);
  if (marginal.length < 2 || first === undefined || last === undefined) {
    return { marginal, verdict: "needs three sizes to judge" };
  }
  const noisy = marginal.find((m) => m.withinNoise || m.perItem <= 0);
  if (noisy !== undefined) {
    return {
      marginal,
      verdict: `inconclusive: the ${noisy.from}→${noisy.to} difference is within run-to-run noise`,
    };
  }
  const ratio = last.perItem / first.perItem;
  const kind = ratio > 1.5 ? "superlinear" : ratio >= 2 / 3 ? "linear" : "sublinear";
  return {
    marginal,
    verdict: `${kind}: extra cost per template x${ratio.toFixed(2)} from first to last interval`,
  };
}
