import { copyFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { checkFieldsAndTactics, checkLibrary, formatProblems } from "../../src/build/content-check.ts";
import { spellingProblems } from "../../src/build/spelling.ts";
import { makeContentProject, tactic, template } from "../helpers/content-project.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const HELLO = "Hi {{theirName}}, it's {{yourName}}.\n";
const GUIDE = (links: string): string =>
  `---\ntitle: Prepare\nsummary: A guide.\norder: 4\n${links}---\n\nSome advice.\n`;

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
      message:
        "the message is too long for its channel (LinkedIn invitation note): with the example details of src/content/fields.yaml filled in, it is 235 of 200 characters, and the most allowed is 200 characters",
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
      column: 21,
      message:
        "the text has a curly apostrophe (\u2019, U+2019) at column 21, which is not in the GSM-7 SMS alphabet, so the whole text is sent as UCS-2",
      fix: "write ' in its place",
    },
    {
      name: "frontmatter that does not match the schema",
      files: { "templates/bad-channel.md": template({ channel: "sms" }, HELLO) },
      file: "src/content/templates/bad-channel.md",
      line: 6,
      message: '`channel` is "sms", which is not one of its choices',
      fix: "write one of: email, text, linkedin-note",
    },
    {
      name: "a search phrase with markup in it",
      files: {
        "templates/bad-phrase.md": template({ searchPhrases: "[thank my reference, <b>thanks</b>]" }, HELLO),
      },
      file: "src/content/templates/bad-phrase.md",
      line: 9,
      message: '`searchPhrases (item 2)` is "<b>thanks</b>"',
      fix: "use only words, spaces, apostrophes and hyphens",
    },
    {
      name: "a search phrase listed twice",
      files: { "templates/twice.md": template({ searchPhrases: "[say thanks, Say thanks]" }, HELLO) },
      file: "src/content/templates/twice.md",
      line: 9,
      message: '`searchPhrases` is ["say thanks", "Say thanks"]',
      fix: "list each phrase once",
    },
    {
      name: "an email without a subject",
      files: { "templates/no-subject.md": template({ channel: "email" }, HELLO) },
      file: "src/content/templates/no-subject.md",
      line: 1,
      message: "`subject` is missing",
      fix: "add a line `subject: …`: an email needs a subject line",
    },
    {
      name: "a section that is never closed",
      files: { "templates/unclosed.md": template({}, "Hi {{theirName}},\n{{#neededBy}}by {{neededBy}}\n") },
      file: "src/content/templates/unclosed.md",
      line: 11,
      message: 'the message has a template error: Section "neededBy" is never closed',
      fix: "add {{/neededBy}}",
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
        "fields.yaml":
          "- id: theirName\n  label: Their name\n  hint: h\n  why: w\n  example: Dan\n  type: string\n  about: them\n",
        "templates/hello-text.md": template({}, "Hi {{theirName}}\n"),
      },
      file: "src/content/fields.yaml",
      line: 1,
      message: 'field 1 (theirName): `type` is "string", which is not one of its choices',
      fix: "write one of: text, longtext, date, email, tel, choice",
    },
    {
      name: "a registry field that does not say whose detail it is",
      files: {
        "fields.yaml":
          "- id: theirName\n  label: Their name\n  hint: h\n  why: w\n  example: Dan\n  type: text\n",
        "templates/hello-text.md": template({}, "Hi {{theirName}}\n"),
      },
      file: "src/content/fields.yaml",
      line: 1,
      message: "field 1 (theirName): `about` is missing",
      fix: "say whose detail this is: you, them (the person you write to) or job",
    },
    {
      name: "an unquoted date in the registry",
      files: {
        "fields.yaml":
          "- id: neededBy\n  label: Needed by\n  hint: h\n  why: w\n  example: 2026-12-11\n  type: date\n  about: job\n",
      },
      file: "src/content/fields.yaml",
      line: 1,
      message: "field 1 (neededBy): `example` is 2026-12-11 (written without quotes, so it is read as a date",
      fix: 'write dates as "YYYY-MM-DD" in quotes',
    },
    {
      name: "a partial, which the engine does not support",
      files: { "templates/partial.md": template({}, "Hi {{theirName}},\n{{> signature}}\n") },
      file: "src/content/templates/partial.md",
      line: 11,
      column: 1,
      message: "the message has a template error: a partial, {{> signature}}",
      fix: "partials aren't supported: paste the text in",
    },
    {
      name: "a delimiter change, after which every tag would be sent as it is",
      files: {
        "templates/delimiters.md": template({}, "{{=<% %>=}}\nHi <% theirName %>, it's {{yourName}}.\n"),
      },
      file: "src/content/templates/delimiters.md",
      line: 10,
      column: 1,
      message: "a delimiter change, {{=<% %>=}}",
      fix: "keep the {{ }} delimiters",
    },
    {
      name: "a tag the engine does not know, in the subject",
      files: {
        "templates/subject-partial.md": template({ channel: "email", subject: "Hi {{> name}}" }, HELLO),
      },
      file: "src/content/templates/subject-partial.md",
      line: 9,
      column: 13,
      message: "the subject has a template error: a partial, {{> name}}",
      fix: "partials aren't supported",
    },
    {
      name: "an empty message",
      files: { "templates/empty.md": template({}, "") },
      file: "src/content/templates/empty.md",
      line: 10,
      message: "the message is empty",
      fix: "write the message below the frontmatter",
    },
    {
      name: "a message of blank lines",
      files: { "templates/blank.md": template({}, "  \n\n\t\n") },
      file: "src/content/templates/blank.md",
      line: 10,
      message: "the message is empty",
      fix: "write the message below the frontmatter",
    },
    {
      name: "a message that is only a field",
      files: { "templates/only-field.md": template({}, "{{theirName}}\n") },
      file: "src/content/templates/only-field.md",
      line: 10,
      message: "the message has no words of its own: with none of its details filled in, it is empty",
      fix: "write the message's own words outside the {{#section}}",
    },
    {
      name: "a message that is only an optional section",
      files: {
        "templates/only-section.md": template(
          {},
          "{{#neededBy}}\nI need it by {{neededBy}}.\n{{/neededBy}}\n",
        ),
      },
      file: "src/content/templates/only-section.md",
      line: 10,
      message: "with none of its details filled in, it is empty",
      fix: "write the message's own words outside the {{#section}}",
    },
    {
      name: "a message that is only a fallback",
      files: { "templates/only-fallback.md": template({}, "{{^theirName}}Hello there!{{/theirName}}\n") },
      file: "src/content/templates/only-fallback.md",
      line: 10,
      message: "with only {{theirName}} filled in, it is empty",
      fix: "write the message's own words outside the {{#section}}",
    },
    {
      name: "an email subject of spaces",
      files: { "templates/blank-subject.md": template({ channel: "email", subject: '"   "' }, HELLO) },
      file: "src/content/templates/blank-subject.md",
      line: 9,
      message: "the subject is empty",
      fix: "write a subject",
    },
    {
      name: "an email subject that is only a field",
      files: {
        "templates/field-subject.md": template({ channel: "email", subject: '"{{theirName}}"' }, HELLO),
      },
      file: "src/content/templates/field-subject.md",
      line: 9,
      message: "the subject has no words of its own: with none of its details filled in, it is empty",
      fix: "write a subject",
    },
    {
      name: "a script in a tactic's MDX",
      files: { "tactics/own-the-lapse.mdx": `${tactic(5)}\n<script>alert(1)</script>\n` },
      file: "src/content/tactics/own-the-lapse.mdx",
      line: 14,
      column: 1,
      message: "a <script> element",
      fix: "delete it",
    },
    {
      name: "a javascript: link in a guide",
      files: {
        "guides/start.mdx":
          "---\ntitle: Start\nsummary: Where to begin.\norder: 1\n---\n\nRead [the steps](javascript:alert(1)) first.\n",
      },
      file: "src/content/guides/start.mdx",
      line: 7,
      column: 6,
      message: 'a link to "javascript:alert(1)"',
      fix: "link to an https:// address or a page of the site",
    },
    {
      name: "raw HTML in a tactic's Markdown (.md) file",
      files: { "tactics/own-the-lapse.md": `${tactic(5)}\n<img src=x onerror="alert(1)">\n` },
      file: "src/content/tactics/own-the-lapse.md",
      line: 14,
      column: 1,
      message: "raw HTML",
      fix: "write it in Markdown",
    },
    {
      name: "a guide that lists a template that does not exist",
      files: {
        "templates/hello-text.md": template({}, HELLO),
        "guides/prepare.mdx": GUIDE("templates:\n  - hello-text\n  - hello-txt\n"),
      },
      file: "src/content/guides/prepare.mdx",
      line: 7,
      message: '`templates` names "hello-txt", but there is no src/content/templates/hello-txt.md',
      fix: 'did you mean "hello-text"?',
    },
    {
      name: "a guide that lists a tactic that does not exist",
      files: { "guides/prepare.mdx": GUIDE("tactics: [own-the-laps]\n") },
      file: "src/content/guides/prepare.mdx",
      line: 5,
      message: '`tactics` names "own-the-laps", but there is no src/content/tactics/own-the-laps.mdx',
      fix: 'did you mean "own-the-lapse"?',
    },
    {
      name: "a curly quote on a later line of a text, at its own line and column",
      files: { "templates/curly-later.md": template({}, "Hi {{theirName}},\nsee you \u201Csoon\u201D!\n") },
      file: "src/content/templates/curly-later.md",
      line: 11,
      column: 9,
      message: "the text has a curly opening double quote (\u201C, U+201C) at column 9",
      fix: 'write " in its place',
    },
    {
      name: "a field typed wrong below a blank first line, at its own line",
      files: { "templates/blank-first.md": template({}, "\nHi there,\nsee you, {{theirNmae}}\n") },
      file: "src/content/templates/blank-first.md",
      line: 12,
      message: "uses {{theirNmae}}, which is not in the field registry",
      fix: "did you mean {{theirName}}?",
    },
    {
      name: "a text too long, at the line its words start on",
      files: { "templates/long-later.md": template({}, `\n\nHi {{theirName}}, ${"words ".repeat(60)}\n`) },
      file: "src/content/templates/long-later.md",
      line: 12,
      message: "the message is too long for its channel (Text message)",
      fix: "shorten the message",
    },
    {
      name: "a template whose situation is not its tactic's",
      files: { "templates/casual-lapse.md": template({ situation: "casual" }, HELLO) },
      file: "src/content/templates/casual-lapse.md",
      line: 5,
      message: '`situation` is "casual", but its tactic "own-the-lapse" is for "reference"',
      fix: 'write situation: reference, or pick a tactic for "casual"',
    },
    {
      name: "two templates with one title",
      files: {
        "templates/hello-a.md": template({ title: "Say hello" }, HELLO),
        "templates/hello-b.md": template({ title: "say hello " }, HELLO),
      },
      file: "src/content/templates/hello-b.md",
      line: 2,
      message: 'the title "say hello" is also the title of src/content/templates/hello-a.md',
      fix: "give each template a title of its own",
    },
    {
      name: "a key left out of the frontmatter",
      files: { "templates/no-tone.md": template({}, HELLO).replace("tone: warm\n", "") },
      file: "src/content/templates/no-tone.md",
      line: 1,
      message: "`tone` is missing",
      fix: "add a line `tone: …` with one of: warm, professional, brief",
    },
    {
      name: "a title over its length",
      files: { "templates/long-title.md": template({ title: "A very long title ".repeat(5) }, HELLO) },
      file: "src/content/templates/long-title.md",
      line: 2,
      message: "`title` is too long: it has 89 characters",
      fix: "keep it to 80 characters or fewer",
    },
  ])("$name", ({ files, file, line, column, message, fix }) => {
    const { problems } = checkLibrary(makeContentProject(files));
    const problem = problems.find((p) => p.file === file && p.message.includes(message));
    expect(problem, formatProblems(problems)).toBeDefined();
    expect(problem?.line).toBe(line);
    if (column !== undefined) expect(problem?.column).toBe(column);
    expect(problem?.fix).toContain(fix);
  });
});

test("no message speaks in schema terms", () => {
  const { problems } = checkLibrary(
    makeContentProject({
      "templates/a.md": template({ channel: "sms", tone: "loud", order: "x" }, HELLO).replace(
        "need: say-hello\n",
        "",
      ),
      "templates/b.md": template({ searchPhrases: "[ok, ok]", title: '""' }, HELLO),
      "fields.yaml":
        "- id: theirName\n  label: Their name\n  hint: h\n  example: Dan\n  type: string\n  maxLength: -1\n",
    }),
  );
  expect(problems.length).toBeGreaterThan(4);
  for (const problem of problems) {
    expect(`${problem.message} ${problem.fix}`).not.toMatch(
      /invalid|expected|received|schema|undefined|zod/i,
    );
  }
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

test("the report gives the column when a problem has one", () => {
  const { problems } = checkLibrary(
    makeContentProject({ "templates/bad.md": template({}, "Hi {{theirName}},\nand {{> sig}}\n") }),
  );
  expect(formatProblems(problems)).toContain("src/content/templates/bad.md:11:5\n");
});

// A problem is reported where it is fixed: in the file that is wrong, not in the files that
// link to it. The tactic and its templates each check the other, so each direction is tested.
describe("each problem names only the file to fix", () => {
  const twoChannels = tactic(5).replace("channels: [email]", "channels: [email, text]");
  test.each([
    {
      name: "a template with a template error does not blame its tactic",
      files: {
        "tactics/own-the-lapse.mdx": twoChannels,
        "templates/hello-email.md": template({ channel: "email", subject: "Hello" }, HELLO),
        "templates/broken-text.md": template({}, "Hi {{theirName}},\n{{#neededBy}}by {{neededBy}}\n"),
      },
      file: "src/content/templates/broken-text.md",
    },
    {
      name: "an empty template does not blame its tactic",
      files: {
        "tactics/own-the-lapse.mdx": twoChannels,
        "templates/hello-email.md": template({ channel: "email", subject: "Hello" }, HELLO),
        "templates/empty-text.md": template({}, "\n"),
      },
      file: "src/content/templates/empty-text.md",
    },
    {
      name: "a template with bad frontmatter does not blame its tactic",
      files: {
        "tactics/own-the-lapse.mdx": twoChannels,
        "templates/hello-email.md": template({ channel: "email", subject: "Hello" }, HELLO),
        "templates/bad-tone.md": template({ tone: "loud" }, HELLO),
      },
      file: "src/content/templates/bad-tone.md",
    },
    {
      name: "a tactic with bad frontmatter does not blame the templates that link to it",
      files: {
        "tactics/own-the-lapse.mdx": tactic(5).replace("order: 5", "order: 12"),
        "templates/hello-email.md": template({ channel: "email", subject: "Hello" }, HELLO),
      },
      file: "src/content/tactics/own-the-lapse.mdx",
    },
    {
      name: "a tactic with unsafe MDX does not blame the templates that link to it",
      files: {
        "tactics/own-the-lapse.mdx": `${tactic(5)}\n[Call me](javascript:call())\n`,
        "templates/hello-email.md": template({ channel: "email", subject: "Hello" }, HELLO),
      },
      file: "src/content/tactics/own-the-lapse.mdx",
    },
  ])("$name", ({ files, file }) => {
    const { problems } = checkLibrary(makeContentProject(files));
    expect(problems.length, "the broken file is reported").toBeGreaterThan(0);
    expect(
      problems.filter((p) => p.file !== file),
      formatProblems(problems),
    ).toEqual([]);
  });
});

test("npm run check:content reports a misspelt word with its file, line, column and the word it may be", async () => {
  const root = makeContentProject({
    "templates/hello-text.md": template({}, "Hi {{theirName}},\nthanks for the refrence.\n"),
  });
  for (const file of ["cspell.json", "project-words.txt"]) copyFileSync(join(ROOT, file), join(root, file));
  const problems = await spellingProblems(root);
  expect(problems).toEqual([
    {
      file: "src/content/templates/hello-text.md",
      line: 11,
      column: 16,
      message: '"refrence" is not a word the spelling check knows',
      fix: 'Did you mean "reference"? If it is right (a name, a term of the trade), add it to project-words.txt, one word a line',
    },
  ]);
});

test("the editor's menus read the same fields and tactics as the whole check, without the templates", () => {
  const whole = checkLibrary(ROOT);
  const menus = checkFieldsAndTactics(ROOT);
  expect(menus.fields).toEqual(whole.fields);
  expect([...menus.tactics]).toEqual([...whole.tactics]);
});
