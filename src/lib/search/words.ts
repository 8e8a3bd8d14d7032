/**
 * What a word is, for search: one rule shared by the build (the word list it writes from the
 * index) and the browser (the words of a query), so both sides cut text the same way.
 *
 * Pagefind folds case and accents and ignores apostrophes ("haven't", "haven’t" and "havent"
 * find the same pages), so a word here is lowercase, without accents or apostrophes. Hyphens and
 * other punctuation split words ("follow-up" is "follow up").
 */

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export function wordsOf(text: string): string[] {
  const folded = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  return [...folded.matchAll(WORD)].map((match) => match[0].replace(/['’]/g, ""));
}

/**
 * Words that say how a sentence is built, not what it is about. They are searched like any
 * other word at first (a page that has "can you be my reference" word for word should win), and
 * dropped first when a query finds nothing. "no", "not" and "never" are not here: "they said no"
 * and "did not get the job" mean something else without them.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the and or but so if then than as of to for from in on at by with about into over " +
    "after before up out off again just also very really too please " +
    "i me my mine myself you your yours we us our they them their he him his she her it its " +
    "this that these those there here what which who whom whose how when where why " +
    "am is are was were be been being do does did doing have has had having " +
    "can could would should will shall may might must " +
    "im ive id youre theyre dont cant wont some any all"
  ).split(" "),
);

/** The words that carry meaning; the query itself when every word is a stop word. */
export function contentWords(words: readonly string[]): string[] {
  const kept = words.filter((word) => !STOP_WORDS.has(word));
  return kept.length > 0 ? kept : [...words];
}
