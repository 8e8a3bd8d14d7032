import { describe, expect, test } from "vitest";
import { entriesBySlug, generalGuides, guidesForTactic, type GuideInfo } from "../../src/lib/library.ts";

const guide = (slug: string, order: number, extra: Partial<GuideInfo> = {}): GuideInfo => ({
  slug,
  title: slug,
  summary: `About ${slug}.`,
  order,
  ...extra,
});

const GUIDES: GuideInfo[] = [
  guide("which-kind", 5, { tactics: ["give-context"] }),
  guide("for-a-reference", 2, { situation: "reference" }),
  guide("prepare", 4, { tactics: ["give-context", "keep-them-posted"] }),
  guide("if-it-goes-wrong", 3),
];

describe("entriesBySlug: what a guide lists, in its order", () => {
  const entries = ["a", "b", "c"].map((slug) => ({ slug }));
  test.each([
    [
      ["c", "a"],
      ["c", "a"],
    ],
    [
      ["b", "missing", "a"],
      ["b", "a"],
    ],
    [[], []],
    [undefined, []],
  ])("%j gives %j", (slugs, expected) => {
    expect(entriesBySlug(slugs, entries).map((e) => e.slug)).toEqual(expected);
  });
});

describe("guidesForTactic: the guides a tactic's page links to", () => {
  test.each([
    ["give-context", ["prepare", "which-kind"]],
    ["keep-them-posted", ["prepare"]],
    ["own-the-lapse", []],
  ])("%s links to %j, in guide order", (tactic, expected) => {
    expect(guidesForTactic(tactic, GUIDES).map((g) => g.slug)).toEqual(expected);
  });
});

test("generalGuides lists the guides for no one situation, in guide order", () => {
  expect(generalGuides(GUIDES).map((g) => g.slug)).toEqual(["if-it-goes-wrong", "prepare", "which-kind"]);
});
