import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { allSubsets, optionalSubsets, pairwiseSubsets } from "../helpers/combinations.ts";

/** Every on/off pair of every two items that some subset shows. */
function uncoveredPairs(items: readonly number[], subsets: readonly (readonly number[])[]): string[] {
  const missing: string[] = [];
  for (const a of items) {
    for (const b of items) {
      if (a >= b) continue;
      for (const [onA, onB] of [
        [true, true],
        [true, false],
        [false, true],
        [false, false],
      ] as const) {
        if (!subsets.some((s) => s.includes(a) === onA && s.includes(b) === onB)) {
          missing.push(`${a}${onA ? "+" : "-"} ${b}${onB ? "+" : "-"}`);
        }
      }
    }
  }
  return missing;
}

describe("combinations of optional details", () => {
  test.each([
    [[], [[]]],
    [["a"], [[], ["a"]]],
    [
      ["a", "b"],
      [[], ["a"], ["b"], ["a", "b"]],
    ],
  ])("allSubsets(%j)", (items, subsets) => {
    expect(allSubsets(items)).toEqual(subsets);
  });

  test.each([
    [3, 8],
    [8, 256],
    [9, 6 + 1 + 9 * 2],
  ])("optionalSubsets of %i details gives %i subsets", (n, count) => {
    expect(optionalSubsets(Array.from({ length: n }, (_, i) => i))).toHaveLength(count);
  });

  test("a pairwise set covers all four on/off pairs of every two details, for any number of them", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), (n) => {
        const items = Array.from({ length: n }, (_, i) => i);
        const subsets = pairwiseSubsets(items);
        expect(uncoveredPairs(items, subsets)).toEqual([]);
        expect(subsets).toContainEqual(items);
        // Logarithmic in n: 60 details need 10 rows, not 2^60.
        expect(subsets.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(n)) + 4);
      }),
    );
  });
});
