import { describe, expect, test } from "vitest";
import { articleJsonLd, howToJsonLd, howToSteps, isoDuration } from "../../src/lib/structured-data.ts";

describe("howToSteps", () => {
  test("reads the numbered list under How to do it, without Markdown", () => {
    const md =
      "## Why it works\n\n1. Not this.\n\n## How to do it\n\n1. Say **hello** first.\n2. Mention [the project](http://x).\n3. Suggest a plan.\n\n## What to avoid\n\n- Long apologies.\n";
    expect(howToSteps(md)).toEqual(["Say hello first.", "Mention the project.", "Suggest a plan."]);
  });

  test("the last section works too, and no section gives no steps", () => {
    expect(howToSteps("## How to do it\n\n1. One.\n2. Two.")).toEqual(["One.", "Two."]);
    expect(howToSteps("## Something else\n\n1. One.")).toEqual([]);
  });
});

test.each([
  ["10 minutes", "PT10M"],
  ["1 to 2 hours", "PT2H"],
  ["5 minutes every few months", "PT5M"],
  ["a while", undefined],
])("isoDuration(%j) is %s", (text, expected) => {
  expect(isoDuration(text)).toBe(expected);
});

test("HowTo and Article carry the schema.org fields", () => {
  const howTo = howToJsonLd({
    title: "Own the lapse",
    summary: "s",
    url: "https://x/t/",
    steps: ["a", "b"],
    timeNeeded: "10 minutes",
    language: "en-GB",
  });
  expect(howTo).toMatchObject({ "@type": "HowTo", name: "Own the lapse", totalTime: "PT10M" });
  expect(howTo["step"]).toEqual([
    { "@type": "HowToStep", position: 1, text: "a" },
    { "@type": "HowToStep", position: 2, text: "b" },
  ]);
  const article = articleJsonLd({
    title: "Guide",
    summary: "s",
    url: "https://x/g/",
    language: "en",
    publisher: { name: "P", url: "https://p" },
  });
  expect(article).toMatchObject({
    "@type": "Article",
    headline: "Guide",
    publisher: { "@type": "Organization", name: "P" },
  });
});
