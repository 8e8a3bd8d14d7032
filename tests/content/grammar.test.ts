/**
 * The grammar gate: every template rendered with every combination of its optional details
 * (all subsets up to 8 optional details, a pairwise set beyond), once with the registry's
 * example values and once with the example each field's hint gives a stranger, plus each
 * option of a choice field and every detail typed with a final full stop. Every render must read cleanly (no placeholder, "..", doubled
 * word, or small word stranded before an empty section) and pass Harper, an offline grammar
 * checker, apart from the reviewed lines in grammar-allow.txt.
 *
 * It iterates over the folder, so a template added later is checked the day it lands. To stay
 * fast it renders each combination once, and Harper sees each distinct sentence of all renders
 * once, in a few large batches, through one linter.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Dialect, LocalLinter } from "harper.js";
import { binary } from "harper.js/binary";
import { beforeAll, describe, expect, test } from "vitest";
import { allRenders as all, hintExample, library, type Render } from "../helpers/renders.ts";
import { danglingProblems, unmark, wholeTextProblems } from "../helpers/text-checks.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const ALLOW_FILE = "tests/content/grammar-allow.txt";

// ---------------------------------------------------------------------------------------------
// Harper: one linter, each distinct sentence once.
// ---------------------------------------------------------------------------------------------

/**
 * What Harper checks: each sentence of every render, subjects included. Almost all of Harper's
 * rules look within one sentence, and the renders of a template differ mostly by one optional
 * sentence, so linting each distinct sentence once does a third of the work of linting lines.
 */
function linesOf(render: Render): string[] {
  return render.parts
    .flatMap(({ marked }) => unmark(marked).split("\n"))
    .flatMap(sentencesOf)
    .filter((sentence) => sentence.trim() !== "");
}

/** A line's sentences; a quotation of two sentences stays whole, so its marks stay paired. */
function sentencesOf(line: string): string[] {
  const sentences: string[] = [];
  for (const piece of line.split(/(?<=[.!?]["”]?)\s+/)) {
    const last = sentences.at(-1);
    const open = last !== undefined && (last.match(/["“”]/g) ?? []).length % 2 === 1;
    if (open) sentences[sentences.length - 1] = `${last} ${piece}`;
    else sentences.push(piece);
  }
  return sentences;
}

interface Finding {
  readonly rule: string;
  readonly text: string;
  readonly message: string;
  /** Where the problem text starts and ends in its line, in code points. */
  readonly from: number;
  readonly to: number;
}

interface Allowed {
  readonly rule: string;
  readonly text: string;
  readonly reason: string;
  readonly line: number;
}

/**
 * grammar-allow.txt: "Rule | words | reason", one a line; # starts a comment. A line accepts a
 * finding of that rule only where the words stand in the line around it ("555-0142" accepts
 * the hyphen Harper flags in that phone number, not every hyphen), so it cannot hide the same
 * mistake elsewhere.
 */
function parseAllowList(source: string): { entries: Allowed[]; problems: string[] } {
  const entries: Allowed[] = [];
  const problems: string[] = [];
  source.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const [rule = "", text = "", reason = "", ...rest] = line.split("|").map((s) => s.trim());
    if (rule === "" || text === "" || reason === "" || rest.length > 0) {
      problems.push(
        `${ALLOW_FILE}:${index + 1}: write "Rule | problem text | reason", found ${JSON.stringify(line)}`,
      );
    } else entries.push({ rule, text, reason, line: index + 1 });
  });
  return { entries, problems };
}

const allow = parseAllowList(readFileSync(join(ROOT, ALLOW_FILE), "utf8"));
/**
 * A string as Unicode code points: Harper's spans count Rust chars, which are code points, not
 * the UTF-16 units a JavaScript index counts (an emoji or a curly quote would shift them).
 */
const codePoints = (text: string): string[] => Array.from(text);

function covers(entry: Allowed, finding: Finding, line: string): boolean {
  if (entry.rule !== finding.rule) return false;
  const points = codePoints(line);
  const words = codePoints(entry.text);
  for (let at = 0; at + words.length <= points.length; at += 1) {
    if (at > finding.from) break;
    if (at + words.length >= finding.to && points.slice(at, at + words.length).join("") === entry.text)
      return true;
  }
  return false;
}

const isAllowed = (f: Finding, line: string): Allowed | undefined =>
  allow.entries.find((a) => covers(a, f, line));

/** Words the spell check (cspell) already accepts for this project: names in the examples. */
const projectWords = readFileSync(join(ROOT, "project-words.txt"), "utf8")
  .split("\n")
  .map((w) => w.trim())
  .filter((w) => w !== "" && !w.startsWith("#"));

/** Harper's findings for each line, from batches of lines joined by blank lines. */
async function lintLines(linter: LocalLinter, lines: readonly string[]): Promise<Map<string, Finding[]>> {
  const found = new Map<string, Finding[]>(lines.map((line) => [line, []]));
  const BATCH = 40_000;
  let start = 0;
  while (start < lines.length) {
    const batch: { line: string; from: number; to: number }[] = [];
    let length = 0;
    while (start < lines.length && (batch.length === 0 || length < BATCH)) {
      const line = lines[start] ?? "";
      const size = codePoints(line).length;
      batch.push({ line, from: length, to: length + size });
      length += size + 2;
      start += 1;
    }
    const text = batch.map((b) => b.line).join("\n\n");
    const points = codePoints(text);
    const organized = await linter.organizedLints(text, { language: "plaintext" });
    for (const [rule, lints] of Object.entries(organized)) {
      for (const lint of lints) {
        const span = lint.span();
        const owner = batch.find((b) => span.start >= b.from && span.end <= b.to);
        // A finding across two lines comes from the joining, not from any message.
        if (owner !== undefined) {
          found.get(owner.line)?.push({
            rule,
            text: points.slice(span.start, span.end).join(""),
            message: lint.message(),
            from: span.start - owner.from,
            to: span.end - owner.from,
          });
        }
      }
    }
  }
  return found;
}

/** What a form says about each detail: its reason (`why`) and its hint, as an optional detail shows them. */
const registryLines = library.fields.map((f) => `${f.why ?? ""} ${f.hint}`.trim());

let findings = new Map<string, Finding[]>();
const used = new Set<Allowed>();

/** One linter for the whole gate: setting up Harper's WebAssembly takes about two seconds. */
const linter = new LocalLinter({ binary, dialect: Dialect.American });

beforeAll(async () => {
  await linter.setup();
  await linter.importWords(projectWords);
  const lines = [...new Set([...all.flatMap((t) => t.renders.flatMap(linesOf)), ...registryLines])];
  const started = performance.now();
  findings = await lintLines(linter, lines);
  console.info(
    `Harper: ${lines.length} sentences, ${lines.reduce((n, l) => n + l.length, 0)} characters in ${Math.round(performance.now() - started)} ms`,
  );
  for (const [line, list] of findings) {
    for (const f of list) {
      const entry = isAllowed(f, line);
      if (entry !== undefined) used.add(entry);
    }
  }
}, 120_000);

// ---------------------------------------------------------------------------------------------
// The gate.
// ---------------------------------------------------------------------------------------------

describe("every template, every combination of its optional details", () => {
  test("each template is filled with both value sets: every subset of up to 8 optional details, pairwise beyond", () => {
    for (const t of all) {
      const subsets = t.optional.length <= 8 ? 2 ** t.optional.length : 2 * t.optional.length + 2;
      expect(t.fills, t.path).toBeGreaterThanOrEqual(2 * subsets);
      expect(t.renders.length, t.path).toBeGreaterThanOrEqual(1);
    }
    console.info(
      `grammar gate: ${all.reduce((n, t) => n + t.renders.length, 0)} distinct renders of ${all.length} templates, ${findings.size} distinct sentences`,
    );
  });

  test.each(all.map((t) => [t.path, t] as const))("%s reads cleanly in every render", (_, t) => {
    const problems = new Set<string>();
    for (const render of t.renders) {
      for (const { part, marked } of render.parts) {
        for (const p of [
          ...wholeTextProblems(unmark(marked)),
          ...danglingProblems(marked, "section-edges"),
        ]) {
          problems.add(`${part}: ${p} (filled with ${render.how})`);
        }
      }
    }
    expect([...problems].slice(0, 20)).toEqual([]);
  });

  test.each(all.map((t) => [t.path, t] as const))("%s passes Harper in every render", (_, t) => {
    const problems = new Set<string>();
    for (const render of t.renders) {
      for (const line of linesOf(render)) {
        for (const f of findings.get(line) ?? []) {
          if (isAllowed(f, line) === undefined) {
            problems.add(
              `${f.rule}: ${f.message} ${JSON.stringify(f.text)} in ${JSON.stringify(line)} (filled with ${render.how})`,
            );
          }
        }
      }
    }
    expect([...problems].slice(0, 20), `to accept one, add "Rule | words | reason" to ${ALLOW_FILE}`).toEqual(
      [],
    );
  });
});

describe("the field registry's words", () => {
  test("every field says why it helps", () => {
    expect(library.fields.filter((f) => (f.why ?? "") === "").map((f) => f.id)).toEqual([]);
  });

  test("every field's reason and hint pass Harper", () => {
    const problems = registryLines.flatMap((line) =>
      (findings.get(line) ?? [])
        .filter((f) => isAllowed(f, line) === undefined)
        .map((f) => `${f.rule}: ${f.message} ${JSON.stringify(f.text)} in ${JSON.stringify(line)}`),
    );
    expect(problems, `to accept one, add "Rule | words | reason" to ${ALLOW_FILE}`).toEqual([]);
  });
});

describe("the values and the allow-list", () => {
  // Email and phone hints may skip it: the registry's example stands in for what people type.
  test.each(library.fields.filter((f) => f.type === "text").map((f) => [f.id, f] as const))(
    'the hint for %s gives an example to type ("e.g. ...")',
    (_, field) => {
      expect(hintExample(field.hint), field.hint).toBeDefined();
    },
  );

  test(`${ALLOW_FILE} is well formed, each line with a reason`, () => {
    expect(allow.problems).toEqual([]);
  });

  test(`every line of ${ALLOW_FILE} is still needed`, () => {
    const stale = allow.entries
      .filter((a) => !used.has(a))
      .map((a) => `${ALLOW_FILE}:${a.line}: ${a.rule} | ${a.text}`);
    expect(stale, "remove these lines: nothing in the library needs them").toEqual([]);
  });

  test.each([
    ["The years, e.g. 2019 to 2021.", "2019 to 2021"],
    ['Their title now, e.g. "director of operations".', "director of operations"],
    ["For example, Priya Shah", "Priya Shah"],
    ["The employer, e.g. Harbor Health. Leave it empty if you are not sure.", "Harbor Health"],
    ["The address, e.g. sam@example.com.", "sam@example.com"],
    ["The date it is due.", undefined],
  ])("hintExample(%j) is %j", (hint, example) => {
    expect(hintExample(hint)).toBe(example);
  });

  test("an allow-list line accepts a finding only where its words stand around it", () => {
    const entry = { rule: "NumericRangeEnDash", text: "555-0142", reason: "a phone number", line: 1 };
    const hyphen = { rule: "NumericRangeEnDash", text: "-", message: "", from: 16, to: 17 };
    expect(covers(entry, hyphen, "My number is 555-0142.")).toBe(true);
    expect(covers(entry, { ...hyphen, from: 14, to: 15 }, "We met in 2019-2021.")).toBe(false);
    expect(covers({ ...entry, rule: "Other" }, hyphen, "My number is 555-0142.")).toBe(false);
  });

  test.each([
    ["Hi Dan. How are you?", ["Hi Dan.", "How are you?"]],
    [
      'Say: "HR only confirms dates. I can give you a peer." Then stop.',
      ['Say: "HR only confirms dates. I can give you a peer."', "Then stop."],
    ],
  ])("sentencesOf(%j) keeps quotations whole", (line, sentences) => {
    expect(sentencesOf(line)).toEqual(sentences);
  });

  test("parseAllowList reads rule, text and reason, and names a line without a reason", () => {
    const { entries, problems } = parseAllowList(
      "# note\nSpellCheck | Brightline | a made-up company\nRepetition | that that\n",
    );
    expect(entries).toEqual([
      { rule: "SpellCheck", text: "Brightline", reason: "a made-up company", line: 2 },
    ]);
    expect(problems.join()).toContain(`${ALLOW_FILE}:3:`);
  });

  test("Harper, as set up here, catches what the review found", async () => {
    const found = await lintLines(linter, [
      "I start in January..",
      "It was was a good year.",
      "I realise it has been a while.",
    ]);
    expect([...found.values()].map((list) => list.length > 0)).toEqual([true, true, true]);
  });
});
