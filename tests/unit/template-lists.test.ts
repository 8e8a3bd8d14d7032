import { describe, expect, test } from "vitest";
import { facetTokens, GROUP_PREVIEW, previewOf } from "../../src/lib/template-lists.ts";

type Item = {
  slug: string;
  channel: "email" | "text" | "phone";
  tone: "warm" | "brief";
  situation: "casual";
};
const item = (slug: string, channel: Item["channel"], tone: Item["tone"] = "warm"): Item => ({
  slug,
  channel,
  tone,
  situation: "casual",
});
const slugs = (items: readonly Item[]) => items.map((i) => i.slug);

describe("previewOf: the first templates of a group, at most a fixed number", () => {
  test.each([
    ["a group within the limit is shown whole", [item("a", "email"), item("b", "text")], 3, ["a", "b"]],
    [
      "a longer group shows its first ones, in order",
      [item("a", "email"), item("b", "email"), item("c", "email"), item("d", "email")],
      2,
      ["a", "b"],
    ],
    [
      "every channel the group has gets one shown, in the group's order",
      [item("a", "email"), item("b", "email"), item("c", "email"), item("d", "phone")],
      2,
      ["a", "d"],
    ],
    [
      "every tone too, where the limit allows",
      [item("a", "email"), item("b", "email"), item("c", "email", "brief"), item("d", "text")],
      3,
      ["a", "c", "d"],
    ],
    [
      "the limit wins over variety",
      [item("a", "email"), item("b", "text"), item("c", "phone")],
      2,
      ["a", "b"],
    ],
  ])("%s", (_name, group, limit, shown) => {
    const preview = previewOf(group, limit);
    expect(slugs(preview.shown)).toEqual(shown);
    expect(preview.total).toBe(group.length);
  });

  test("a list of any length shows at most GROUP_PREVIEW by default", () => {
    for (const length of [0, 1, GROUP_PREVIEW, GROUP_PREVIEW + 1, 5000]) {
      const group = Array.from({ length }, (_, i) => item(`t${i}`, i % 3 === 0 ? "text" : "email"));
      expect(previewOf(group).shown.length).toBe(Math.min(length, GROUP_PREVIEW));
    }
  });
});

test("facetTokens lists each facet value the templates have, once, sorted", () => {
  expect(facetTokens([item("a", "email"), item("b", "text", "brief"), item("c", "email")])).toBe(
    "channel:email channel:text situation:casual tone:brief tone:warm",
  );
  expect(facetTokens([])).toBe("");
});
