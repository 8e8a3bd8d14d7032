import { describe, expect, test } from "vitest";
import { keyName, plainIssue } from "../../src/lib/content-check/schema-issues.ts";
import { templateSchema } from "../../src/schemas/template.ts";
import { tacticSchema } from "../../src/schemas/tactic.ts";
import { TEMPLATE_FRONTMATTER } from "../helpers/content-project.ts";

const TEMPLATE = TEMPLATE_FRONTMATTER;

/** The plain issues the schema's own issues become, for data changed from a valid template. */
function issuesFor(schema: typeof templateSchema | typeof tacticSchema, data: Record<string, unknown>) {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => plainIssue(issue, data));
}

describe("a schema issue in an editor's words", () => {
  test.each([
    [
      "a key left out",
      { ...TEMPLATE, title: undefined },
      { message: "`title` is missing", fix: "add a line `title: …` with some text" },
    ],
    [
      "a choice left out",
      { ...TEMPLATE, tone: undefined },
      { message: "`tone` is missing", fix: "add a line `tone: …` with one of: warm, professional, brief" },
    ],
    [
      "a choice not offered",
      { ...TEMPLATE, channel: "sms" },
      { message: '`channel` is "sms", which is not one of its choices' },
    ],
    [
      "text where a number goes",
      { ...TEMPLATE, title: 5 },
      { message: "`title` is 5, not some text", fix: "write some text there" },
    ],
    ["an empty text", { ...TEMPLATE, summary: "" }, { message: "`summary` is empty" }],
    [
      "a text too long",
      { ...TEMPLATE, title: "x".repeat(81) },
      { message: "`title` is too long: it has 81 characters", fix: "keep it to 80 characters or fewer" },
    ],
    [
      "a list item of the wrong form",
      { ...TEMPLATE, searchPhrases: ["ok then", "<b>"] },
      { message: '`searchPhrases (item 2)` is "<b>"' },
    ],
    [
      "a slug with capitals",
      { ...TEMPLATE, need: "Say Hello" },
      { message: '`need` is "Say Hello"', fix: "use lowercase words joined by hyphens" },
    ],
  ])("%s", (_name, data, expected) => {
    expect(issuesFor(templateSchema, data)).toContainEqual(expect.objectContaining(expected));
  });

  test.each([
    ["a number below its range", { order: 0 }, "`order` is 0, below the smallest allowed, 1"],
    ["a number above its range", { order: 12 }, "`order` is 12, above the largest allowed, 9"],
    ["an empty list", { channels: [] }, "`channels` is too short: it has 0 items"],
  ])("%s", (_name, change, message) => {
    const tactic = {
      title: "T",
      summary: "S.",
      situation: "casual",
      order: 1,
      channels: ["email"],
      timeNeeded: "5 minutes",
      ...change,
    };
    expect(issuesFor(tacticSchema, tactic).map((i) => i.message)).toContain(message);
  });

  test.each([
    [["title"], "title"],
    [["searchPhrases", 0], "searchPhrases (item 1)"],
    [["colors", "accent"], "colors.accent"],
    [[], ""],
  ])("names the key %j as %j", (path, name) => {
    expect(keyName(path)).toBe(name);
  });
});
