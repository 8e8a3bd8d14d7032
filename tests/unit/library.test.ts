import { describe, expect, test } from "vitest";
import { situationGuides, type SituationGuideCandidate as GuideInfo } from "../../src/lib/library.ts";

const casual: GuideInfo = { slug: "casual-guide", title: "Casual", situation: "casual" };
const reference: GuideInfo = { slug: "reference-guide", title: "Reference", situation: "reference" };
const general: GuideInfo = { slug: "general", title: "General" };

describe("situationGuides: the guide for each situation comes from the guides' own front matter", () => {
  test("each situation maps to the guide that names it; general guides are ignored", () => {
    expect(situationGuides([general, reference, casual])).toEqual({
      casual: { slug: "casual-guide", title: "Casual" },
      reference: { slug: "reference-guide", title: "Reference" },
    });
  });

  test.each([
    [
      "no guide for a situation",
      [casual, general],
      /No guide walks through the "reference" situation.*situation: reference/,
    ],
    [
      "two guides for one situation",
      [casual, reference, { ...general, situation: "reference" as const }],
      /2 guides say `situation: reference` \(src\/content\/guides\/reference-guide\.mdx, src\/content\/guides\/general\.mdx\)/,
    ],
  ])("%s is refused with the file and the fix", (_name, guides, message) => {
    expect(() => situationGuides(guides)).toThrow(message);
  });
});
