import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { searchStatus } from "../../src/lib/search-state.ts";
import {
  bestSubset,
  findResults,
  namesAMessage,
  rewriteQuery,
  type Hit,
  type SearchEngine,
} from "../../src/lib/search/query.ts";
import { applySynonyms, SYNONYM_GROUPS } from "../../src/lib/search/synonyms.ts";
import {
  correctWord,
  editDistance,
  isKnown,
  readVocabulary,
  vocabularyFile,
  type Vocabulary,
} from "../../src/lib/search/vocabulary.ts";
import { contentWords, STOP_WORDS, wordsOf } from "../../src/lib/search/words.ts";

const VOCABULARY: Vocabulary = readVocabulary(
  vocabularyFile([
    wordsOf("Ask a former manager for a reference by email"),
    wordsOf("Thank a reference by text; a thank-you note for your reference"),
    wordsOf("Ask a former coworker for a LinkedIn recommendation"),
    wordsOf("Reply graciously when someone says no"),
    wordsOf("The year you worked together"),
  ]),
);

describe("words", () => {
  test.each([
    ["Haven't talked in YEARS", ["havent", "talked", "in", "years"]],
    ["haven’t", ["havent"]],
    ["follow-up, e-mail!", ["follow", "up", "e", "mail"]],
    ["Café résumé", ["cafe", "resume"]],
    ["  ", []],
  ])("%j is %j", (text, words) => {
    expect(wordsOf(text)).toEqual(words);
  });

  test.each([
    [["can", "you", "be", "my", "reference"], ["reference"]],
    [
      ["they", "said", "no"],
      ["said", "no"],
    ],
    [
      ["can", "you"],
      ["can", "you"],
    ],
  ])("the content words of %j are %j", (words, content) => {
    expect(contentWords(words)).toEqual(content);
  });
});

describe("synonyms", () => {
  test.each([
    ["ask my old boss", "ask my old manager"],
    ["my supervisor and team lead", "my manager and manager"],
    ["I got hired", "i got the job"],
    ["text message my colleague", "text my coworker"],
    ["linked in connection request", "linkedin invitation"],
    ["they turned me down", "they said no"],
    ["ghosted after my ask", "no reply after my ask"],
    ["reference email", "reference email"],
  ])("%j becomes %j", (query, rewritten) => {
    expect(applySynonyms(wordsOf(query)).join(" ")).toBe(rewritten);
  });

  test("no phrase is in two groups, and no group's word contains another group member", () => {
    const all = SYNONYM_GROUPS.flat().map((phrase) => wordsOf(phrase).join(" "));
    expect(new Set(all).size).toBe(all.length);
    for (const [canonical = "", ...variants] of SYNONYM_GROUPS) {
      for (const variant of variants) expect(` ${canonical} `).not.toContain(` ${variant} `);
    }
  });
});

describe("spelling", () => {
  test.each([
    ["refrence", "reference"],
    ["recomendation", "recommendation"],
    ["manger", "manager"],
    ["emial", "email"],
    ["reference", undefined],
    ["refer", undefined], // the start of "reference": Pagefind finds it as it is
    ["years", undefined], // "year" is on a page and Pagefind's stemmer removes the ending
    ["boss", undefined], // a synonym, rewritten, never a typo
    ["zzxqvw", undefined], // nothing is close
    ["by", undefined], // too short to guess
  ])("%s → %s", (word, corrected) => {
    expect(correctWord(word, VOCABULARY)).toBe(corrected);
  });

  test.each([
    ["refrence", "reference", 1],
    ["teh", "the", 1],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
  ])("edit distance %s → %s is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  test("an empty or broken word list corrects nothing", () => {
    expect(readVocabulary(null).words).toEqual([]);
    expect(readVocabulary({ words: "x" }).words).toEqual([]);
    expect(isKnown("refrence", readVocabulary(undefined))).toBe(true);
  });

  test("the file counts each page once per word and keeps only words of letters", () => {
    expect(vocabularyFile([["a", "reference", "reference", "2026"], ["reference"]]).words).toEqual({
      reference: 2,
    });
  });
});

describe("query rewriting", () => {
  test.each([
    ["ask my old boss to be a refrence", "ask my old manager to be a reference", [["refrence", "reference"]]],
    ["recomendation linkedin", "recommendation linkedin", [["recomendation", "recommendation"]]],
    ["supervsor", "manager", [["supervsor", "supervisor"]]],
  ])("%j is searched as %j", (query, words, corrections) => {
    const vocabulary = readVocabulary(vocabularyFile([...VOCABULARY.words.map((w) => [w]), ["supervisor"]]));
    const rewrite = rewriteQuery(query, vocabulary);
    expect(rewrite.words.join(" ")).toBe(words);
    expect(rewrite.corrections.map(({ from, to }) => [from, to])).toEqual(corrections);
  });

  test("exact keeps the words as typed", () => {
    expect(rewriteQuery("my boss refrence", VOCABULARY, true).words).toEqual(["my", "boss", "refrence"]);
  });

  test.each([
    ["reference request email", true],
    ["reply when they say no", true],
    ["voicemail", true],
    ["phone call", true],
    ["career advice", false],
    ["coffee", false],
  ])("%j names a message: %s", (query, names) => {
    expect(namesAMessage(wordsOf(query))).toBe(names);
  });
});

/** An engine over a few pages: a page holds a term when it has every one of its words. */
function fakeEngine(pages: Record<string, string>): SearchEngine<Hit> & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    search(terms) {
      calls.push(terms);
      const words = wordsOf(terms);
      const hits = Object.entries(pages)
        .filter(([, text]) => words.every((word) => wordsOf(text).includes(word)))
        .map(([id, text]) => ({
          id,
          score: words.length / wordsOf(text).length,
          template: id.startsWith("template/"),
        }));
      return Promise.resolve(hits.sort((a, b) => b.score - a.score));
    },
  };
}

describe("finding results", () => {
  const pages = {
    "tactic/be-transparent": "ask for a reference plainly reply email say why",
    "template/ask-manager": "ask a former manager for a reference by email",
    "template/thank": "thank a reference by text",
    "guide/reference": "you need a reference ask manager reply",
    "tool/tracker": "your references and the jobs you applied for",
  };
  const ids = (outcome: { hits: readonly Hit[] }): string[] => outcome.hits.map((h) => h.id);

  test("all words first, then fewer words up to a screenful; templates first for a message", async () => {
    const outcome = await findResults("reference email", fakeEngine(pages), VOCABULARY);
    expect(ids(outcome)).toEqual([
      "template/ask-manager",
      "template/thank",
      "tactic/be-transparent",
      "guide/reference",
    ]);
    expect(outcome).toMatchObject({ searched: "reference email", complete: 2, relaxed: false });
    expect(searchStatus("reference email", outcome).text).toBe(
      "2 results for “reference email”, then 2 for some of its words.",
    );
  });

  test("without a message word the engine's order stands", async () => {
    const outcome = await findResults("reference manager", fakeEngine(pages), VOCABULARY);
    expect(ids(outcome).slice(0, 2)).toEqual(["guide/reference", "template/ask-manager"]);
  });

  test("nothing for all words: stop words dropped, then the words most pages hold together", async () => {
    const engine = fakeEngine(pages);
    const outcome = await findResults("can my old boss be my reference", engine, VOCABULARY);
    expect(engine.calls).toEqual([
      "can my old manager be my reference",
      "old manager reference",
      "old",
      "manager",
      "reference",
    ]);
    expect(outcome).toMatchObject({ searched: "manager reference", complete: 2, relaxed: true });
    expect(ids(outcome).slice(0, 2)).toEqual(["guide/reference", "template/ask-manager"]);
    expect(searchStatus("can my old boss be my reference", outcome).text).toBe(
      "No results for all words; showing 2 results for “manager reference”, then 2 for some of its words.",
    );
  });

  test("a typo is corrected and the status offers the words as typed", async () => {
    const outcome = await findResults("refrence", fakeEngine(pages), VOCABULARY);
    expect(outcome.hits.length).toBe(4);
    expect(searchStatus("refrence", outcome)).toEqual({
      text: "Showing 4 results for “reference”.",
      instead: { label: "Search instead for “refrence”", query: "refrence" },
    });
    const exact = await findResults("refrence", fakeEngine(pages), VOCABULARY, { exact: true });
    expect(exact.hits).toEqual([]);
    expect(searchStatus("refrence", exact).text).toBe("No results for “refrence”");
  });

  test("enough results for all words: nothing else is searched", async () => {
    const many = Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`template/${i}`, `thank you ${i}`]));
    const engine = fakeEngine(many);
    const outcome = await findResults("thank you", engine, VOCABULARY);
    expect(engine.calls).toEqual(["thank you"]);
    expect(searchStatus("thank you", outcome).text).toBe("5 results for “thank you”");
  });
});

describe("properties", () => {
  const groupWords = [...new Set(SYNONYM_GROUPS.flat().flatMap(wordsOf))];
  const word = fc.oneof(
    fc.constantFrom(...groupWords, ...STOP_WORDS, ...VOCABULARY.words),
    fc.stringMatching(/^[a-z]{1,9}$/),
  );
  const query = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(" "));

  test("a replacement that makes another group's variant is replaced too (found by the property below)", () => {
    expect(rewriteQuery("txt dm a", VOCABULARY).words).toEqual(rewriteQuery("text a", VOCABULARY).words);
  });

  test("rewriting is idempotent", () => {
    fc.assert(
      fc.property(query, (q) => {
        const once = rewriteQuery(q, VOCABULARY).words.join(" ");
        expect(rewriteQuery(once, VOCABULARY).words.join(" ")).toBe(once);
      }),
    );
  });

  test("rewriting never drops every word", () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(rewriteQuery(q, VOCABULARY).words.length).toBeGreaterThan(0);
        expect(contentWords(rewriteQuery(q, VOCABULARY).words).length).toBeGreaterThan(0);
      }),
    );
  });

  test("a correction is always a word of the list, within two edits", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), (typed) => {
        const corrected = correctWord(typed, VOCABULARY);
        if (corrected === undefined) return;
        expect(VOCABULARY.words).toContain(corrected);
        expect(editDistance(typed, corrected)).toBeLessThanOrEqual(2);
      }),
    );
  });

  test("the best subset is some of the words, all on one page, and empty only when no word is", () => {
    const hits = fc.array(
      fc.array(
        fc.record({
          id: fc.constantFrom("a", "b", "c", "d"),
          score: fc.double({ min: 0, max: 9, noNaN: true }),
        }),
        {
          maxLength: 4,
        },
      ),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(hits, (perWord) => {
        const words = perWord.map((_, i) => `w${i}`);
        const subset = bestSubset(
          words,
          perWord.map((list) => list.map((hit) => ({ ...hit, template: false }))),
        );
        expect(words).toEqual(expect.arrayContaining(subset));
        if (perWord.every((list) => list.length === 0)) expect(subset).toEqual([]);
        else {
          expect(subset.length).toBeGreaterThan(0);
          const onOnePage = ["a", "b", "c", "d"].some((id) =>
            subset.every((w) => perWord[words.indexOf(w)]?.some((hit) => hit.id === id)),
          );
          expect(onOnePage).toBe(true);
        }
      }),
    );
  });
});
