/**
 * How a query becomes Pagefind searches, apart from the DOM and from Pagefind itself (the engine
 * is passed in), so every step is tested without a browser:
 *
 * 1. Words: cut as words.ts says, synonyms rewritten (synonyms.ts), typos corrected against the
 *    index's word list (vocabulary.ts).
 * 2. Every word must be on a page (Pagefind's rule).
 * 3. When that finds fewer than a screenful: the same without stop words; then each word alone,
 *    pages holding the most of the words first, so the least useful words are the ones dropped.
 *    The results for all the words stay first; the outcome says which words the best results
 *    hold, so the interface can say so.
 * 4. When the query names a message ("email", "reply", "note"...), templates come before
 *    tactics, guides and tools.
 */
import { CHANNEL_NAMES } from "../vocabulary.ts";
import { applySynonyms } from "./synonyms.ts";
import { correctWord, type Vocabulary } from "./vocabulary.ts";
import { contentWords, STOP_WORDS, wordsOf } from "./words.ts";

export interface Correction {
  readonly from: string;
  readonly to: string;
}

export interface Rewrite {
  /** The words to search, after synonyms and corrections. */
  readonly words: readonly string[];
  readonly corrections: readonly Correction[];
}

/** The query as words to search. `exact` (the person asked for their own spelling) skips both. */
export function rewriteQuery(query: string, vocabulary: Vocabulary, exact = false): Rewrite {
  const words = wordsOf(query);
  if (exact) return { words, corrections: [] };
  const corrections: Correction[] = [];
  const corrected = words.map((word) => {
    const to = correctWord(word, vocabulary);
    if (to === undefined) return word;
    corrections.push({ from: word, to });
    return to;
  });
  // Corrected first, so a misspelt "supervisr" still becomes "manager".
  return { words: applySynonyms(corrected), corrections };
}

/**
 * Words that name a message rather than advice: the channels' own names (vocabulary.ts) and the
 * kinds of message the templates are. A query with one of them wants a template first.
 */
export const MESSAGE_WORDS: ReadonlySet<string> = new Set(
  [
    ...Object.values(CHANNEL_NAMES).flatMap(({ label }) => wordsOf(label)),
    ...wordsOf(
      "template script wording words letter card sms dm reply respond answer request ask invite " +
        "invitation wish thank thanks update tell follow congratulations say write send",
    ),
  ].filter((word) => !STOP_WORDS.has(word)),
);

export const namesAMessage = (words: readonly string[]): boolean =>
  words.some((word) => MESSAGE_WORDS.has(word));

export interface Hit {
  readonly id: string;
  readonly score: number;
  /** A template page (as opposed to a tactic, a guide or a tool). */
  readonly template: boolean;
}

/** Fewer results than this for all words, and fewer words fill the list up to a screenful. */
export const ENOUGH_RESULTS = 5;

interface Coverage<H> {
  readonly hit: H;
  readonly words: ReadonlySet<number>;
  readonly score: number;
}

/**
 * Pages by how many of `words` each holds, then by summed score: after "ask my old manager"
 * found nothing, the page with "ask", "old" and "manager" comes before one with only
 * "manager". `hits[i]` are the pages word i is on.
 */
export function byCoverage<H extends Hit>(hits: readonly (readonly H[])[]): Coverage<H>[] {
  const pages = new Map<string, { hit: H; words: Set<number>; score: number }>();
  hits.forEach((list, index) => {
    for (const hit of list) {
      const page = pages.get(hit.id) ?? { hit, words: new Set<number>(), score: 0 };
      page.words.add(index);
      page.score += hit.score;
      pages.set(hit.id, page);
    }
  });
  return [...pages.values()].sort((a, b) => b.words.size - a.words.size || b.score - a.score);
}

/** The largest set of `words` one page holds together, in the query's order; empty if none. */
export function bestSubset(words: readonly string[], hits: readonly (readonly Hit[])[]): string[] {
  const chosen = byCoverage(hits)[0]?.words ?? new Set<number>();
  return words.filter((_, index) => chosen.has(index));
}

/** The search engine as this module needs it; the UI adapts Pagefind to it. */
export interface SearchEngine<H extends Hit> {
  /** Pages holding every word of `terms`, best first. */
  search(terms: string): Promise<readonly H[]>;
}

export interface SearchOutcome<H extends Hit> {
  readonly hits: readonly H[];
  /**
   * The words the best results all hold, joined: the query's words after rewriting, or fewer
   * of them when all of them found nothing. What "showing results for …" names.
   */
  readonly searched: string;
  /** How many results hold every word of `searched`; the rest (if any) hold fewer. */
  readonly complete: number;
  readonly corrections: readonly Correction[];
  /** Nothing held all the query's words. */
  readonly relaxed: boolean;
}

/** Each page once, in order; with `templatesFirst`, templates before every other page. */
function merge<H extends Hit>(groups: readonly (readonly H[])[], templatesFirst: boolean): H[] {
  const seen = new Set<string>();
  const all = groups.flat().filter((hit) => !seen.has(hit.id) && seen.add(hit.id));
  return templatesFirst ? [...all.filter((h) => h.template), ...all.filter((h) => !h.template)] : all;
}

export async function findResults<H extends Hit>(
  query: string,
  engine: SearchEngine<H>,
  vocabulary: Vocabulary,
  options: { readonly exact?: boolean } = {},
): Promise<SearchOutcome<H>> {
  const { words, corrections } = rewriteQuery(query, vocabulary, options.exact);
  const templatesFirst = namesAMessage(words);
  // A query for a message is answered by templates: only they count towards a screenful.
  const useful = (hits: readonly H[]): number =>
    templatesFirst ? hits.filter((hit) => hit.template).length : hits.length;
  const all = words.length === 0 ? [] : await engine.search(words.join(" "));
  // Each group: results and the words they all hold, from all the words down to fewer.
  const groups: { hits: readonly H[]; words: readonly string[]; complete: number }[] = [
    { hits: all, words, complete: all.length },
  ];
  const count = (): number =>
    useful(
      merge(
        groups.map((g) => g.hits),
        false,
      ),
    );
  if (words.length > 0 && useful(all) < ENOUGH_RESULTS && options.exact !== true) {
    // Stop words first: "can you be my reference" is about "reference".
    const content = contentWords(words);
    if (content.length < words.length) {
      const hits = await engine.search(content.join(" "));
      groups.push({ hits, words: content, complete: hits.length });
    }
    // Then each word alone, pages holding the most of them first: the least useful words drop.
    if (count() < ENOUGH_RESULTS && content.length > 1) {
      const covered = byCoverage(await Promise.all(content.map((word) => engine.search(word))));
      const best = [...(covered[0]?.words ?? [])];
      groups.push({
        hits: covered.map((page) => page.hit),
        words: content.filter((_, index) => best.includes(index)),
        complete: covered.filter((page) => best.every((index) => page.words.has(index))).length,
      });
    }
  }
  const first = groups.find((group) => group.hits.length > 0) ?? groups[0];
  return {
    hits: merge(
      groups.map((g) => g.hits),
      templatesFirst,
    ),
    searched: (first?.words ?? words).join(" "),
    complete: first?.complete ?? 0,
    corrections,
    relaxed: first !== groups[0],
  };
}
