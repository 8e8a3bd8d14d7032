/**
 * No sentence of eight or more words appears in two templates: a reader who opens three
 * templates should not meet the same line twice. Sign-offs that may repeat are listed in one
 * place, src/content/sign-offs.yaml. Sentences are read from every render the grammar gate
 * reads (each combination of optional details, fallbacks included), so a shared fallback line
 * counts too.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { describe, expect, test } from "vitest";
import { allRenders, plainText } from "../helpers/renders.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const SIGN_OFFS_FILE = "src/content/sign-offs.yaml";
const MIN_WORDS = 8;

/** A sentence as compared: lowercase words only, so "Thanks!" and "thanks." are one sentence. */
export function normalize(sentence: string): string {
  return (sentence.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).join(" ");
}

/** The sentences of a text: split at line breaks and after . ! ? followed by a space. */
export function sentencesOf(text: string): string[] {
  return text
    .split("\n")
    .flatMap((line) => line.replace(/^\s*[-*]\s+/, "").split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

const signOffData: unknown = parseYaml(readFileSync(join(ROOT, SIGN_OFFS_FILE), "utf8"));
const signOffs = new Set((Array.isArray(signOffData) ? signOffData : []).map((s) => normalize(String(s))));

/** Each long sentence, with the templates it appears in. */
const owners = new Map<string, { shown: string; slugs: Set<string> }>();
for (const t of allRenders) {
  for (const render of t.renders) {
    for (const sentence of sentencesOf(plainText(render))) {
      const key = normalize(sentence);
      if (key.split(" ").length < MIN_WORDS) continue;
      const entry = owners.get(key) ?? { shown: sentence, slugs: new Set<string>() };
      entry.slugs.add(t.slug);
      owners.set(key, entry);
    }
  }
}

describe(`no sentence of ${MIN_WORDS} or more words in two templates`, () => {
  test.each(allRenders.map((t) => [t.path, t.slug] as const))("%s shares no long sentence", (_, slug) => {
    const shared = [...owners]
      .filter(([key, { slugs }]) => slugs.has(slug) && slugs.size > 1 && !signOffs.has(key))
      .map(
        ([, { shown, slugs }]) =>
          `${JSON.stringify(shown)} also in ${[...slugs].filter((s) => s !== slug).join(", ")}`,
      );
    expect(shared, `reword it, or list a sign-off in ${SIGN_OFFS_FILE}`).toEqual([]);
  });

  test(`${SIGN_OFFS_FILE} is a list of sign-offs, each still used by two or more templates`, () => {
    expect(Array.isArray(signOffData), `${SIGN_OFFS_FILE} must be a YAML list of sentences`).toBe(true);
    const unused = [...signOffs].filter((key) => (owners.get(key)?.slugs.size ?? 0) < 2);
    expect(unused, "remove these: no two templates share them").toEqual([]);
  });

  test.each([
    ["Hi Dan, it's me.\n- Thanks so much! Talk soon.", ["Hi Dan, it's me.", "Thanks so much!", "Talk soon."]],
    ["See jobs.example.com today. Fine", ["See jobs.example.com today.", "Fine"]],
  ])("sentencesOf(%j)", (text, sentences) => {
    expect(sentencesOf(text)).toEqual(sentences);
  });

  test("normalize ignores case and punctuation", () => {
    expect(normalize("Thanks so much, Dan!")).toBe(normalize("thanks so much dan."));
    expect(normalize("I'll let you know.")).toBe("i'll let you know");
  });
});
