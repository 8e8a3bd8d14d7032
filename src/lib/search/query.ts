/**
 * How a query becomes Pagefind searches, apart from the DOM and from Pagefind itself (the engine
 * is passed in), so every step is tested without a browser:
 *
 * 1. Words: cut as words.ts says, synonyms rewritten (synonyms.ts), typos corrected against the
 *    index's word list (vocabulary.ts).
 * 2. Every word must be on a page (Pagefind's rule). When the query names a message ("email",
 *    "reply", "note"...), templates come before tactics and guides.
 * 3. When that finds nothing: the same without stop words; then the largest set of the words
 *    that one page holds together, each word searched alone to find it. The outcome says which
 *    words were searched, so the interface can say so.
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
}

/**
 * The largest set of `words` that one page holds together, in the query's order, with the page's
 * summed scores breaking ties: after "ask my old manager" found nothing, the page with "ask",
 * "old" and "manager" beats one with only "manager". `hits[i]` are the pages word i is on.
 * Empty when no word is on any page.
 */
export function bestSubset(words: readonly string[], hits: readonly (readonly Hit[])[]): string[] {
  const pages = new Map<string, { words: Set<number>; score: number }>();
  hits.forEach((list, index) => {
    for (const hit of list) {
      const page = pages.get(hit.id) ?? { words: new Set<number>(), score: 0 };
      page.words.add(index);
      page.score += hit.score;
      pages.set(hit.id, page);
    }
  });
  let best: { words: Set<number>; score: number } | undefined;
  for (const page of pages.values()) {
    if (
      best === undefined ||
      page.words.size > best.words.size ||
      (page.words.size === best.words.size && page.score > best.score)
    ) {
      best = page;
    }
  }
  const chosen = best?.words ?? new Set<number>();
  return words.filter((_, index) => chosen.has(index));
}

/** The search engine as this module needs it; the UI adapts Pagefind to it. */
export interface SearchEngine<H extends Hit> {
  /** Pages holding every word of `terms`; only templates when `templatesOnly`. */
  search(terms: string, templatesOnly: boolean): Promise<readonly H[]>;
}

export interface SearchOutcome<H extends Hit> {
  readonly hits: readonly H[];
  /** The words searched in the end, joined: what "showing results for …" names. */
  readonly searched: string;
  readonly corrections: readonly Correction[];
  /** True when fewer words than the query's were searched. */
  readonly relaxed: boolean;
}

/** Templates first (in their own order), then every other page in the engine's order. */
async function ranked<H extends Hit>(
  engine: SearchEngine<H>,
  words: readonly string[],
  templatesFirst: boolean,
): Promise<readonly H[]> {
  const terms = words.join(" ");
  if (!templatesFirst) return engine.search(terms, false);
  const [all, templates] = await Promise.all([engine.search(terms, false), engine.search(terms, true)]);
  const ids = new Set(templates.map((hit) => hit.id));
  return [...templates, ...all.filter((hit) => !ids.has(hit.id))];
}

export async function findResults<H extends Hit>(
  query: string,
  engine: SearchEngine<H>,
  vocabulary: Vocabulary,
  options: { readonly exact?: boolean; readonly templatesFirst?: boolean } = {},
): Promise<SearchOutcome<H>> {
  const { words, corrections } = rewriteQuery(query, vocabulary, options.exact);
  const templatesFirst = (options.templatesFirst ?? true) && namesAMessage(words);
  const outcome = (hits: readonly H[], searched: readonly string[]): SearchOutcome<H> => ({
    hits,
    searched: searched.join(" "),
    corrections,
    relaxed: searched.length < words.length,
  });
  if (words.length === 0) return outcome([], words);
  const all = await ranked(engine, words, templatesFirst);
  if (all.length > 0 || options.exact === true) return outcome(all, words);

  const content = contentWords(words);
  if (content.length < words.length) {
    const hits = await ranked(engine, content, templatesFirst);
    if (hits.length > 0) return outcome(hits, content);
  }
  if (content.length < 2) return outcome([], words);
  const each = await Promise.all(content.map((word) => engine.search(word, false)));
  const subset = bestSubset(content, each);
  if (subset.length === 0) return outcome([], words);
  return outcome(await ranked(engine, subset, templatesFirst), subset);
}
