import { describe, expect, test } from "vitest";
import { checkLibrary, formatProblems } from "../../src/build/content-check.ts";
import { makeContentProject, template } from "../helpers/content-project.ts";

const HELLO = "Hi {{theirName}}, it's {{yourName}}.\n";

describe("a valid library passes", () => {
  test("no problems, and every entry is loaded", () => {
    const root = makeContentProject({
      "templates/hello-email.md": template({ channel: "email", subject: "Hello" }, HELLO),
    });
    const result = checkLibrary(root);
    expect(result.problems).toEqual([]);
    expect(result.templates.size).toBe(1);
    expect(result.tactics.size).toBe(1);
    expect(result.fields.map((f) => f.id)).toEqual(["yourName", "theirName", "neededBy"]);
  });
});

describe("each kind of bad content is reported with its file, line and fix", () => {
  test.each([
    {
      name: "a field that is not in the registry",
      files: { "templates/bad-field.md": template({}, "Hi {{theirName}},\nfrom {{yourNme}}.\n") },
      file: "src/content/templates/bad-field.md",
      line: 11,
      message: "uses {{yourNme}}, which is not in the field registry",
      fix: "did you mean {{yourName}}?",
    },
    {
      name: "a tactic that does not exist",
      files: { "templates/bad-tactic.md": template({ tactic: "own-the-laps" }, HELLO) },
      file: "src/content/templates/bad-tactic.md",
      line: 4,
      message: 'names "own-the-laps", but there is no src/content/tactics/own-the-laps.mdx',
      fix: 'did you mean "own-the-lapse"?',
    },
    {
      name: "two templates sharing a slug",
      files: {
        "templates/email/hello.md": template({}, HELLO),
        "templates/text/hello.md": template({}, HELLO),
      },
      file: "src/content/templates/text/hello.md",
      line: 1,
      message: 'two templates share the slug "hello"',
      fix: "rename one of the files",
    },
    {
      name: "a LinkedIn note over 200 characters with the example values",
      files: {
        "templates/long-note.md": template(
          { channel: "linkedin-note" },
          `Hi {{theirName}}, ${"word ".repeat(45)}\n`,
        ),
      },
      file: "src/content/templates/long-note.md",
      line: 10,
      message: 'is 235 of 200 characters; channel "linkedin-note" allows at most 200 characters',
      fix: "shorten the message",
    },
    {
      name: "a text that needs three SMS segments",
      files: { "templates/long-text.md": template({}, `Hi {{theirName}}, ${"words ".repeat(60)}\n`) },
      file: "src/content/templates/long-text.md",
      line: 10,
      message: "is 3 SMS segments (GSM-7",
      fix: "shorten the message",
    },
    {
      name: "a text with curly quotes",
      files: { "templates/curly.md": template({}, "Hi {{theirName}}, it\u2019s me.\n") },
      file: "src/content/templates/curly.md",
      line: 10,
      message: "outside the GSM-7 SMS alphabet",
      fix: "use straight quotes",
    },
    {
      name: "frontmatter that does not match the schema",
      files: { "templates/bad-channel.md": template({ channel: "sms" }, HELLO) },
      file: "src/content/templates/bad-channel.md",
      line: 6,
      message: '`channel`: Invalid option: expected one of "email"|"text"',
      fix: "change `channel` to a valid value",
    },
    {
      name: "a search phrase with markup in it",
      files: {
        "templates/bad-phrase.md": template({ searchPhrases: "[thank my reference, <b>thanks</b>]" }, HELLO),
      },
      file: "src/content/templates/bad-phrase.md",
      line: 9,
      message: "`searchPhrases.1`: use only words, spaces, apostrophes and hyphens",
      fix: "change `searchPhrases.1` to a valid value",
    },
    {
      name: "a search phrase listed twice",
      files: { "templates/twice.md": template({ searchPhrases: "[say thanks, Say thanks]" }, HELLO) },
      file: "src/content/templates/twice.md",
      line: 9,
      message: "`searchPhrases`: a phrase is listed twice",
      fix: "change `searchPhrases` to a valid value",
    },
    {
      name: "an email without a subject",
      files: { "templates/no-subject.md": template({ channel: "email" }, HELLO) },
      file: "src/content/templates/no-subject.md",
      line: 1,
      message: "`subject`: a email template needs a subject",
      fix: "change `subject` to a valid value",
    },
    {
      name: "a section that is never closed",
      files: { "templates/unclosed.md": template({}, "Hi {{theirName}},\n{{#neededBy}}by {{neededBy}}\n") },
      file: "src/content/templates/unclosed.md",
      line: 11,
      message: 'Section "neededBy" is never closed: add {{/neededBy}}',
      fix: "every {{#field}} needs a matching {{/field}}",
    },
    {
      name: "a tactic whose channels do not match its templates",
      files: { "templates/hello-text.md": template({}, HELLO) },
      file: "src/content/tactics/own-the-lapse.mdx",
      line: 6,
      message: "`channels` lists email, which none of its templates use; its templates also use text",
      fix: "set `channels` to the channels of its templates: [text]",
    },
    {
      name: "a registry field with a bad type",
      files: {
        "fields.yaml": "- id: theirName\n  label: Their name\n  hint: h\n  example: Dan\n  type: string\n",
        "templates/hello-text.md": template({}, "Hi {{theirName}}\n"),
      },
      file: "src/content/fields.yaml",
      line: 1,
      message: "field #1 (theirName): `type`: Invalid option",
      fix: "fix `type` of this field",
    },
    {
      name: "an unquoted date in the registry",
      files: {
        "fields.yaml": "- id: neededBy\n  label: Needed by\n  hint: h\n  example: 2026-12-11\n  type: date\n",
      },
      file: "src/content/fields.yaml",
      line: 1,
      message: '`example`: write dates as "YYYY-MM-DD" in quotes',
      fix: "fix `example` of this field",
    },
  ])("$name", ({ files, file, line, message, fix }) => {
    const { problems } = checkLibrary(makeContentProject(files));
    const problem = problems.find((p) => p.file === file && p.message.includes(message));
    expect(problem, formatProblems(problems)).toBeDefined();
    expect(problem?.line).toBe(line);
    expect(problem?.fix).toContain(fix);
  });
});

test("the report lists every problem with its location", () => {
  const { problems } = checkLibrary(
    makeContentProject({ "templates/bad.md": template({ tactic: "nope" }, "Hi {{who}}\n") }),
  );
  const report = formatProblems(problems);
  expect(report).toMatch(/^The content has 2 problems:/);
  expect(report).toContain("src/content/templates/bad.md:4\n");
  expect(report).toContain("src/content/templates/bad.md:10\n");
  expect(report).toContain("Fix: ");
});
