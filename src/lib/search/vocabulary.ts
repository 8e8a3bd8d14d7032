/**
 * The index's own words, for typo correction: the build writes every word Pagefind indexed with
 * the number of pages it is on (src/build/search-index.ts), and the search UI reads the file when
 * search opens. A word nobody indexed can only find nothing (or, with Pagefind's loose matching,
 * junk), so it is corrected to the closest word of the list: "refrence" → "reference".
 */
import { SYNONYM_WORDS } from "./synonyms.ts";
import { STOP_WORDS } from "./words.ts";

/** The word list's file name, in the index folder beside pagefind.js. */
export const VOCABULARY_FILE = "words.json";

/** The file's shape: { "v": 1, "words": { "reference": 36, ... } }, word → pages it is on. */
export interface VocabularyFile {
  readonly v: 1;
  readonly words: Readonly<Record<string, number>>;
}

export interface Vocabulary {
  /** Sorted, so a prefix is found by binary search. */
  readonly words: readonly string[];
  readonly pages: ReadonlyMap<string, number>;
}

export const EMPTY_VOCABULARY: Vocabulary = { words: [], pages: new Map() };

/** The list the build writes, from the words of each indexed page (each page counted once). */
export function vocabularyFile(pages: Iterable<readonly string[]>): VocabularyFile {
  const counts = new Map<string, number>();
  for (const words of pages) {
    for (const word of new Set(words)) {
      if (/^\p{L}{2,}$/u.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const sorted = [...counts.keys()].sort();
  return { v: 1, words: Object.fromEntries(sorted.map((word) => [word, counts.get(word) ?? 0])) };
}

/** Reads the file; anything unexpected gives an empty list, so search works without correction. */
export function readVocabulary(data: unknown): Vocabulary {
  const words: unknown = (data as { words?: unknown } | null)?.words;
  if (typeof words !== "object" || words === null) return EMPTY_VOCABULARY;
  const entries = Object.entries(words as Record<string, unknown>).filter(
    (entry): entry is [string, number] => typeof entry[1] === "number",
  );
  return { words: entries.map(([word]) => word).sort(), pages: new Map(entries) };
}

/** True when a word of the list starts with `prefix` (Pagefind matches word beginnings). */
function hasPrefix(vocabulary: Vocabulary, prefix: string): boolean {
  const { words } = vocabulary;
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((words[middle] ?? "") < prefix) low = middle + 1;
    else high = middle;
  }
  return (words[low] ?? "").startsWith(prefix);
}

/** Endings Pagefind's stemmer removes: "years" finds "year", so "years" is no typo. */
const ENDINGS = ["s", "es", "ed", "d", "ing", "ly", "er"];

/** Whether Pagefind can find the word as it is: in the list, a beginning of one, or a stem's. */
export function isKnown(word: string, vocabulary: Vocabulary): boolean {
  if (vocabulary.words.length === 0 || word.length < 3 || /\d/.test(word)) return true;
  if (STOP_WORDS.has(word) || SYNONYM_WORDS.has(word) || hasPrefix(vocabulary, word)) return true;
  return ENDINGS.some(
    (ending) =>
      word.endsWith(ending) &&
      word.length - ending.length >= 3 &&
      hasPrefix(vocabulary, word.slice(0, -ending.length)),
  );
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbours each count 1 ("refrence" → "reference" is 1, "teh" → "the" is 1).
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * How far a correction may be: one edit, two from ten letters. Most typos are one edit; with
 * two in shorter words, real words the library does not use turn into others ("selected" into
 * "deleted").
 */
const maxEdits = (word: string): number => (word.length >= 10 ? 2 : 1);

/**
 * The word of the list a typo most likely meant, or undefined when the word is fine or nothing
 * is close. Closest first; then a word with the same first letter (people rarely mistype it);
 * then the word on more pages; then alphabetical, so the answer never depends on list order.
 */
export function correctWord(word: string, vocabulary: Vocabulary): string | undefined {
  if (isKnown(word, vocabulary)) return undefined;
  const limit = maxEdits(word);
  const rank = (candidate: string, distance: number): readonly number[] => [
    distance,
    candidate[0] === word[0] ? 0 : 1,
    -(vocabulary.pages.get(candidate) ?? 0),
  ];
  let best: { word: string; rank: readonly number[] } | undefined;
  for (const candidate of vocabulary.words) {
    const distance = editDistance(word, candidate, limit);
    if (distance > limit) continue;
    const mine = rank(candidate, distance);
    const order = best === undefined ? -1 : compareRanks(mine, best.rank) || (candidate < best.word ? -1 : 1);
    if (order < 0) best = { word: candidate, rank: mine };
  }
  return best?.word;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
