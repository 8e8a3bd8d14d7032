/**
 * Quality gates over the real content library: coverage, channel limits, readability and how
 * every message reads once filled in, with all, some or none of its optional details. Each gate
 * runs once per template or page, so a failure names the file and says what is wrong.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";
import { parse as parseYaml } from "yaml";
import { describe, expect, test } from "vitest";
import { checkLibrary } from "../../src/build/content-check.ts";
import { site } from "../../src/config.ts";
import { CHANNELS } from "../../src/lib/channels.ts";
import { measureBody, measureSubject } from "../../src/lib/meter.ts";
import { CHANNEL_IDS, type ChannelId } from "../../src/lib/vocabulary.ts";
import { exampleValues, placeholderFor } from "../../src/lib/fields.ts";
import { fillableTemplate } from "../../src/lib/api/fillable.ts";
import { renderText } from "../../src/lib/template/index.ts";
import { danglingProblems, EDGE, renderMarked, unmark, wholeTextProblems } from "../helpers/text-checks.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const LOCALE = site.locale;
const MAX_GRADE = 8;
const MIN_TEMPLATES = 42;

// ---------------------------------------------------------------------------------------------
// Helpers. Pure functions over strings, each unit-tested below with a good and a bad sample.
// ---------------------------------------------------------------------------------------------

interface Page {
  readonly kind: "tactic" | "guide";
  readonly path: string;
  readonly slug: string;
  readonly data: Record<string, unknown>;
  readonly body: string;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Frontmatter (as data) and body of a Markdown or MDX file. */
function splitFrontmatter(text: string): { data: Record<string, unknown>; body: string } {
  const match = FRONTMATTER.exec(text);
  if (match === null) return { data: {}, body: text };
  const data: unknown = parseYaml(match[1] ?? "", { schema: "yaml-1.1" });
  return {
    data: typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {},
    body: text.slice(match[0].length),
  };
}

function readPages(kind: Page["kind"], folder: string): Page[] {
  const dir = join(ROOT, "src/content", folder);
  return readdirSync(dir)
    .filter((name) => [".md", ".mdx"].includes(extname(name)))
    .sort()
    .map((name) => {
      const { data, body } = splitFrontmatter(readFileSync(join(dir, name), "utf8"));
      return { kind, path: `src/content/${folder}/${name}`, slug: basename(name, extname(name)), data, body };
    });
}

/** The text of every level-2 heading (`## Title`), in order. */
function level2Headings(markdown: string): string[] {
  return [...markdown.matchAll(/^##[ \t]+(.+?)[ \t]*#*[ \t]*$/gm)].map((m) => (m[1] ?? "").trim());
}

/**
 * Problems with a guide's headings: each expected title must be a `## ` heading, once, in the
 * given order. Other headings may sit between them.
 */
function headingOrderProblems(markdown: string, expectedTitles: readonly string[]): string[] {
  const headings = level2Headings(markdown);
  const problems = expectedTitles
    .filter((title) => !headings.includes(title))
    .map((title) => `no "## ${title}" heading`);
  for (const title of expectedTitles) {
    const count = headings.filter((h) => h === title).length;
    if (count > 1) problems.push(`"## ${title}" appears ${count} times`);
  }
  const found = headings.filter((h) => expectedTitles.includes(h));
  const expectedOrder = expectedTitles.filter((t) => found.includes(t));
  if (problems.length === 0 && found.join("\n") !== expectedOrder.join("\n")) {
    problems.push(`headings are in the order [${found.join(", ")}]; expected [${expectedOrder.join(", ")}]`);
  }
  return problems;
}

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;
const HEADING = /^\s*#{1,6}\s+/;
const QUOTE = /^\s*>\s?/;

/**
 * Markdown as plain prose, one block per line: headings, list items and paragraphs each become
 * their own line; markers, emphasis, links, images, inline code and HTML/JSX tags are dropped.
 */
function stripMarkdown(markdown: string): string {
  const blocks: string[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push(paragraph.join(" "));
    paragraph = [];
  };
  for (const raw of markdown.split(/\r?\n/)) {
    let line = raw;
    while (QUOTE.test(line)) line = line.replace(QUOTE, "");
    if (line.trim() === "" || /^\s*(?:import|export)\s/.test(line)) {
      flush();
      continue;
    }
    if (HEADING.test(line) || LIST_ITEM.test(line)) {
      flush();
      blocks.push(line.replace(HEADING, "").replace(LIST_ITEM, ""));
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  return blocks
    .map((block) =>
      block
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
        .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
        .replace(/<\/?[A-Za-z][^>]*>/g, "")
        .replace(/`([^`]*)`/g, "$1")
        .replace(/(\*{1,3}|_{1,3})(\S(?:.*?\S)?)\1/g, "$2")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter((block) => block !== "")
    .join("\n");
}

const WORD = /[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*/g;

/** A type alias, not an interface, so it fits flesch-kincaid's index-signature parameter. */
type ReadabilityCounts = Readonly<Record<"sentence" | "word" | "syllable", number>>;

/**
 * Sentences, words and syllables of plain text. Sentences end at `.`, `!` or `?` (followed by a
 * space, a quote or the end) and at every line break, so each list item, heading or sign-off line
 * counts as its own sentence. A leading "- " or "1. " list marker is not a word.
 */
function readabilityCounts(text: string): ReadabilityCounts {
  let sentence = 0;
  let word = 0;
  let syllables = 0;
  for (const line of text.split(/\r?\n/)) {
    const content = line.replace(LIST_ITEM, "");
    for (const piece of content.split(/[.!?]+(?=["'”’)\s]|$)/)) {
      const words = piece.match(WORD) ?? [];
      if (words.length === 0) continue;
      sentence += 1;
      word += words.length;
      syllables += words.reduce((sum, w) => sum + Math.max(1, syllable(w)), 0);
    }
  }
  return { sentence, word, syllable: syllables };
}

/** Flesch-Kincaid grade level of plain text (NaN for text with no words). */
function gradeOf(text: string): number {
  return fleschKincaid(readabilityCounts(text));
}

// ---------------------------------------------------------------------------------------------
// The library.
// ---------------------------------------------------------------------------------------------

const library = checkLibrary(ROOT);
const examples = exampleValues(library.fields, LOCALE);
const registry = new Map(library.fields.map((f) => [f.id, f]));
const placeholder = (id: string): string => placeholderFor(registry.get(id), id);

const templates = [...library.templates].map(([slug, t]) => ({
  ...t,
  slug,
  path: `src/content/templates/${slug}.md`,
}));
type Template = (typeof templates)[number];
const tactics = [...library.tactics].map(([slug, t]) => ({ ...t, slug })).sort((a, b) => a.order - b.order);
const tacticPages = readPages("tactic", "tactics");
const guidePages = readPages("guide", "guides");

/** Rows for test.each named by their file path ("%s"), which Vitest does not shorten. */
const byPath = <T extends { readonly path: string }>(items: readonly T[]): [string, T][] =>
  items.map((item) => [item.path, item]);

function pick(values: Readonly<Record<string, string>>, ids: readonly string[]): Record<string, string> {
  return Object.fromEntries(ids.flatMap((id) => (values[id] === undefined ? [] : [[id, values[id]]])));
}

/**
 * Subject (if any) and body, filled with `values`, with section edges marked (see EDGE); a
 * field still missing shows as `[Label]`, as on a page read without JavaScript.
 */
function renderParts(
  template: Template,
  values: Readonly<Record<string, string>>,
): { part: string; marked: string }[] {
  const parts = [{ part: "body", marked: renderMarked(template.body, values, placeholder) }];
  if (template.subject !== undefined) {
    parts.unshift({ part: "subject", marked: renderMarked(template.subject, values, placeholder) });
  }
  return parts;
}

const filledBody = (template: Template): string => renderText(template.body, examples).trim();

/** The readability grade of every checked text, for the summary printed at the end. */
const grades = {
  template: new Map<string, number>(),
  tactic: new Map<string, number>(),
  guide: new Map<string, number>(),
};

test("the library loads with no content-check problems", () => {
  expect(library.problems).toEqual([]);
  expect(templates.length).toBe(readdirSync(join(ROOT, "src/content/templates")).length);
  expect(tacticPages.length).toBe(tactics.length);
});

// ---------------------------------------------------------------------------------------------
// 1. Coverage
// ---------------------------------------------------------------------------------------------

describe("coverage", () => {
  test(`there are at least ${MIN_TEMPLATES} templates`, () => {
    expect(templates.length).toBeGreaterThanOrEqual(MIN_TEMPLATES);
  });

  test.each(tactics.map((t) => [t.slug, t] as const))("tactic %s has at least two templates", (slug) => {
    const own = templates.filter((t) => t.tactic === slug).map((t) => t.slug);
    expect(own.length, `templates for ${slug}: [${own.join(", ")}]`).toBeGreaterThanOrEqual(2);
  });

  test.each([...CHANNEL_IDS])("channel %s is used by at least one template", (channel) => {
    expect(templates.filter((t) => t.channel === channel).map((t) => t.slug)).not.toEqual([]);
  });

  test.each(byPath(templates))("%s has the same situation as its tactic", (_, template) => {
    const tactic = library.tactics.get(template.tactic);
    expect(tactic, `tactic ${template.tactic} not found`).toBeDefined();
    expect(template.situation, `its tactic ${template.tactic} is ${tactic?.situation ?? "?"}`).toBe(
      tactic?.situation,
    );
  });

  test("the reference ask (need ask-for-a-reference) comes in at least two tones", () => {
    const ask = templates.filter((t) => t.need === "ask-for-a-reference");
    const tones = new Set(ask.map((t) => t.tone));
    expect(tones.size, ask.map((t) => `${t.slug}: ${t.tone}`).join("\n")).toBeGreaterThanOrEqual(2);
  });

  const situationGuides = guidePages.filter((g) => g.data.situation !== undefined);

  test("each situation has a guide", () => {
    expect(situationGuides.map((g) => String(g.data.situation)).sort()).toEqual(["casual", "reference"]);
  });

  test.each(byPath(situationGuides))("%s has a ## heading for each of its tactics, in order", (_, guide) => {
    const titles = tactics.filter((t) => t.situation === guide.data.situation).map((t) => t.title);
    expect(titles.length).toBeGreaterThan(0);
    expect(headingOrderProblems(guide.body, titles)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Channel limits with the registry's example values
// ---------------------------------------------------------------------------------------------

describe("channel limits with example values", () => {
  test.each(byPath(templates))("%s is within its channel's limit", (_, template) => {
    const channel = CHANNELS[template.channel];
    const measure = measureBody(channel, filledBody(template));
    if (channel.limit === undefined) expect(measure).toBeUndefined();
    else expect(measure?.withinLimit, measure?.summary).toBe(true);
    if (template.subject !== undefined) {
      const subject = measureSubject(channel, renderText(template.subject, examples));
      if (subject !== undefined) expect(subject.withinLimit, subject.summary).toBe(true);
    }
  });

  const onChannel = (id: ChannelId): [string, Template][] =>
    byPath(templates.filter((t) => t.channel === id));
  const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

  test.each(onChannel("text"))("%s is a GSM-7 text of at most 2 SMS segments", (_, template) => {
    const measure = measureBody(CHANNELS.text, filledBody(template));
    expect(measure?.encoding, measure?.summary).toBe("GSM-7");
    expect(measure?.used, measure?.summary).toBeLessThanOrEqual(2);
  });

  test.each(onChannel("linkedin-note"))("%s is at most 200 characters", (_, template) => {
    expect(filledBody(template).length).toBeLessThanOrEqual(200);
  });

  test.each(onChannel("voicemail"))("%s takes at most 30 seconds to say", (_, template) => {
    const words = wordCount(filledBody(template));
    expect((words / 150) * 60, `${words} words at 150 words a minute`).toBeLessThanOrEqual(30);
  });

  test.each(onChannel("note"))("%s is at most 80 words", (_, template) => {
    expect(wordCount(filledBody(template))).toBeLessThanOrEqual(80);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Readability
// ---------------------------------------------------------------------------------------------

describe(`readability: Flesch-Kincaid grade at most ${MAX_GRADE}`, () => {
  test.each(byPath(templates))("%s, filled with example values", (_, template) => {
    const text = filledBody(template);
    const grade = gradeOf(text);
    grades.template.set(template.path, grade);
    expect(grade, `${JSON.stringify(readabilityCounts(text))}\n${text}`).toBeLessThanOrEqual(MAX_GRADE);
  });

  test.each(byPath([...tacticPages, ...guidePages]))("%s", (_, page) => {
    const text = stripMarkdown(page.body);
    const grade = gradeOf(text);
    grades[page.kind].set(page.path, grade);
    expect(grade, JSON.stringify(readabilityCounts(text))).toBeLessThanOrEqual(MAX_GRADE);
  });

  test("every text was graded (the hardest of each kind is printed)", () => {
    const lines = Object.entries(grades).map(([kind, map]) => {
      const [path, grade] = [...map].sort((a, b) => b[1] - a[1])[0] ?? ["none", Number.NaN];
      return `${kind}: max ${grade.toFixed(2)} (${path}) over ${map.size} files`;
    });
    console.info(`Flesch-Kincaid grades\n  ${lines.join("\n  ")}`);
    expect([grades.template.size, grades.tactic.size, grades.guide.size]).toEqual([
      templates.length,
      tacticPages.length,
      guidePages.length,
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// 4. The whole text, filled with every example value
// ---------------------------------------------------------------------------------------------

describe("whole text with example values", () => {
  test.each(byPath(templates))("%s has no placeholders or spacing mistakes", (_, template) => {
    const problems = renderParts(template, examples).flatMap(({ part, marked }) =>
      wholeTextProblems(unmark(marked)).map((p) => `${part}: ${p}`),
    );
    expect(problems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// 5. Optional details left empty
// ---------------------------------------------------------------------------------------------

interface Variant {
  readonly template: Template;
  readonly name: string;
  readonly values: Record<string, string>;
}

const variants: Variant[] = templates.flatMap((template) => {
  const { fields, required } = fillableTemplate(template, library.fields);
  const all = fields.map((field) => field.id);
  const optional = all.filter((id) => !required.includes(id));
  return [
    { template, name: "only its required fields", values: pick(examples, required) },
    { template, name: "every field", values: pick(examples, all) },
    ...optional.map((id) => ({
      template,
      name: `its required fields and ${id}`,
      values: pick(examples, [...required, id]),
    })),
    ...optional.map((id) => ({
      template,
      name: `every field but ${id}`,
      values: pick(
        examples,
        all.filter((f) => f !== id),
      ),
    })),
  ];
});

describe("optional details left empty", () => {
  test("each template is tried with only its required fields and with every field", () => {
    expect(variants.filter((v) => v.name === "only its required fields").length).toBe(templates.length);
    expect(variants.filter((v) => v.name === "every field").length).toBe(templates.length);
  });

  test.each(variants.map((v) => [v.template.path, v.name, v] as const))(
    "%s filled with %s reads cleanly",
    (_, __, { template, values }) => {
      const problems = renderParts(template, values).flatMap(({ part, marked }) => {
        const source = part === "body" ? template.body : (template.subject ?? "");
        expect(unmark(marked)).toBe(renderText(source, values, placeholder));
        return [...wholeTextProblems(unmark(marked)), ...danglingProblems(marked, "section-edges")].map(
          (p) => `${part}: ${p}`,
        );
      });
      expect(problems).toEqual([]);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// The helpers catch what they claim to (bad and good samples).
// ---------------------------------------------------------------------------------------------

describe("the gate helpers", () => {
  test.each([
    ["Hi {{theirName}},", "unfilled template tag"],
    ["Hi [Their name],", "unfilled placeholder"],
    ["Hi Daniel,  it's me.", "doubled space"],
    ["Hi Daniel,\n\n\nIt's me.", "three or more line breaks"],
    ["Hi Daniel , it's me.", "space before punctuation"],
    ["Thanks! .", "space before punctuation"],
    ["Hi Daniel, \nIt's me.", "trailing space"],
    ["I start in January..", "doubled full stop"],
    ["It was was a good year.", "doubled word"],
  ])("wholeTextProblems catches %j", (text, expected) => {
    expect(wholeTextProblems(text).join("\n")).toContain(expected);
  });

  test("wholeTextProblems passes clean text", () => {
    expect(
      wholeTextProblems(
        "Hi Daniel,\n\nIt's me: Maya. See https://example.com/a.\n- one\n- two\nWell... so it goes.\n",
      ),
    ).toEqual([]);
  });

  test.each([
    ["I'm applying for the role at .", "before punctuation"],
    ["We worked together at, and I loved it.", "before punctuation"],
    ["Congratulations on!", "before punctuation"],
    ["It would be a.", "before punctuation"],
    ["I was thinking about the", "end of a line"],
    ["Call me back at\nThanks", "end of a line"],
    ["Call me (), thanks.", "empty parentheses"],
  ])("danglingProblems in mode all catches %j", (text, expected) => {
    expect(danglingProblems(text, "all").join("\n")).toContain(expected);
  });

  test("danglingProblems in mode all passes clean text", () => {
    expect(
      danglingProblems("I'm applying at Northwind Freight. Call me (555-0142).\nThanks,\nMaya", "all"),
    ).toEqual([]);
  });

  const bad = [
    ["I'm applying for {{#targetRole}}the {{targetRole}} role{{/targetRole}}.", "before punctuation"],
    [
      "We worked together at {{#workplace}}{{workplace}}{{/workplace}}, and I loved it.",
      "before punctuation",
    ],
    ["Thanks for{{#targetCompany}} {{targetCompany}}{{/targetCompany}}\n- Maya", "end of a line"],
    ["It's me, from {{#workplace}}{{workplace}}{{/workplace}}!", "before punctuation"],
    ["Call me ({{#yourPhone}}{{yourPhone}}{{/yourPhone}}).", "empty parentheses"],
  ] as const;

  test.each(bad)("danglingProblems catches %j with the detail left empty", (source, expected) => {
    expect(danglingProblems(renderMarked(source, {}), "section-edges").join("\n")).toContain(expected);
    expect(danglingProblems(renderMarked(source, examples), "section-edges")).toEqual([]);
  });

  test("danglingProblems passes sections written well and words the editor meant", () => {
    const good = [
      "I'm applying for {{#targetRole}}the {{targetRole}} role{{/targetRole}}{{^targetRole}}a new job{{/targetRole}}.",
      "We worked together{{#workplace}} at {{workplace}}{{/workplace}}, and I loved it.",
      "What you could speak to, if you remember it:{{#talkingPoints}}\n{{talkingPoints}}{{/talkingPoints}}",
      "Tell me what you've been up to.{{#yourPhone}} Call me on {{yourPhone}}.{{/yourPhone}}",
    ];
    for (const source of good) {
      expect(danglingProblems(renderMarked(source, {}), "section-edges"), source).toEqual([]);
    }
    // The same authored words are still dangling words to the plain check.
    expect(danglingProblems(renderMarked(good[2] ?? "", {}), "all")).not.toEqual([]);
  });

  test("renderMarked marks section edges and otherwise renders exactly like renderText", () => {
    const source =
      "Hi {{theirName}}{{#workplace}} from {{workplace}}{{/workplace}}!\n{{#yourPhone}}\n{{yourPhone}}\n{{/yourPhone}}";
    for (const values of [{}, examples]) {
      expect(unmark(renderMarked(source, values))).toBe(renderText(source, values));
    }
    expect(renderMarked(source, { theirName: "Daniel" })).toBe(`Hi Daniel${EDGE}${EDGE}!\n${EDGE}${EDGE}`);
  });

  test("stripMarkdown drops markers, emphasis and links, one block per line", () => {
    expect(
      stripMarkdown(
        "## Why it works\n\nSay **hello** and _smile_.\nSee [the guide](/guides/x/).\n\n1. First step.\n- A point\n\n> Quoted line.\n",
      ),
    ).toBe("Why it works\nSay hello and smile. See the guide.\nFirst step.\nA point\nQuoted line.");
  });

  test("readabilityCounts splits sentences on . ! ? and on every line, list items included", () => {
    expect(
      readabilityCounts("Hi Daniel. How are you? Great!\n- one item\n- another item\nThanks,\nMaya"),
    ).toEqual({
      sentence: 7,
      word: 12,
      syllable: 18,
    });
    expect(readabilityCounts("Visit jobs.example.com today. At 10:30 am, fine.").sentence).toBe(2);
  });

  test("gradeOf tells plain text from dense text", () => {
    expect(gradeOf("I had a good day. We sat in the sun. It was fun.")).toBeLessThanOrEqual(MAX_GRADE);
    expect(
      gradeOf(
        "Organizational considerations notwithstanding, comprehensive institutional documentation substantially facilitates reference verification procedures administered by prospective employers.",
      ),
    ).toBeGreaterThan(MAX_GRADE);
  });

  test("headingOrderProblems finds missing, repeated and out-of-order headings", () => {
    const titles = ["Own the lapse", "Be transparent"];
    expect(headingOrderProblems("## Own the lapse\n\n## Other\n\n## Be transparent\n", titles)).toEqual([]);
    expect(headingOrderProblems("## Own the lapse\n", titles)).toEqual(['no "## Be transparent" heading']);
    expect(headingOrderProblems("## Be transparent\n\n## Own the lapse\n", titles).join()).toContain("order");
    expect(headingOrderProblems("### Own the lapse\n\n## Be transparent\n", titles)).toEqual([
      'no "## Own the lapse" heading',
    ]);
    expect(
      headingOrderProblems("## Own the lapse\n## Be transparent\n## Own the lapse\n", titles).join(),
    ).toContain("2 times");
  });
});
