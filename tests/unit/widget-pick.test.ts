import { describe, expect, test } from "vitest";
import { pickTemplates } from "../../src/lib/api/pick.ts";
import type { TemplateIndexJson, TemplateSummaryJson } from "../../src/lib/api/schema.ts";

function entry(slug: string, extra: Partial<TemplateSummaryJson>): TemplateSummaryJson {
  return {
    slug,
    title: slug,
    summary: "",
    channel: "email",
    channelLabel: "Email",
    situation: "reference",
    tactic: "own-the-lapse",
    tone: "warm",
    need: slug,
    fields: [],
    page: "",
    json: "",
    text: "",
    ...extra,
  };
}

const index: TemplateIndexJson = {
  schemaVersion: 1,
  site: { name: "RK", root: "https://rk.example/" },
  tactics: [
    { slug: "say-thank-you", title: "Say thank you", situation: "reference", order: 8, page: "" },
    { slug: "own-the-lapse", title: "Own the lapse", situation: "reference", order: 5, page: "" },
    { slug: "reach-out-directly", title: "Reach out directly", situation: "casual", order: 1, page: "" },
  ],
  templates: [
    entry("thanks-text", { tactic: "say-thank-you", channel: "text", tone: "brief" }),
    entry("b-ask", {}),
    entry("a-ask", { tone: "professional" }),
    entry("hello", { tactic: "reach-out-directly", situation: "casual", channel: "text" }),
  ],
};

const none = { situation: "", channel: "", tone: "", tactic: "" };
const slugs = (filter: typeof none) =>
  pickTemplates(index, filter).map((g) => [g.label, g.templates.map((t) => t.slug)]);

describe("pickTemplates", () => {
  test("groups by tactic in guide order, templates by title", () => {
    expect(slugs(none)).toEqual([
      ["1. Reach out directly", ["hello"]],
      ["5. Own the lapse", ["a-ask", "b-ask"]],
      ["8. Say thank you", ["thanks-text"]],
    ]);
  });

  test.each([
    [{ ...none, situation: "casual" }, ["hello"]],
    [{ ...none, channel: "text" }, ["hello", "thanks-text"]],
    [{ ...none, channel: "email, text", tone: "brief" }, ["thanks-text"]],
    [{ ...none, tactic: "own-the-lapse", tone: "warm professional" }, ["a-ask", "b-ask"]],
    [{ ...none, situation: "nonsense" }, []],
  ])("%j", (filter, expected) => {
    expect(slugs(filter).flatMap(([, list]) => list)).toEqual(expected);
  });
});
